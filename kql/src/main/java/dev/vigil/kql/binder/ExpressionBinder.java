package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundIn;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFact;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.syntax.AllColumns;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.syntax.BetweenExpression;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.ElementAccess;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ExpressionVisitor;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.InExpression;
import dev.vigil.kql.syntax.ListOperator;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.MemberAccess;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NullLiteral;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.SubqueryExpression;
import dev.vigil.kql.syntax.UnaryExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Binds scalar expressions in a scope: resolves names, types literals, resolves overloads. */
final class ExpressionBinder {
    private final Scope scope;
    private final boolean aggregatesAllowed;

    private ExpressionBinder(Scope scope, boolean aggregatesAllowed) {
        this.scope = scope;
        this.aggregatesAllowed = aggregatesAllowed;
    }

    /** Binds a row-level expression; aggregates are an error. */
    static BoundExpression bindScalar(Expression expression, Scope scope) {
        return new ExpressionBinder(scope, false).bind(expression);
    }

    /** Binds an expression of {@code summarize}'s aggregate list. */
    static BoundExpression bindAggregate(Expression expression, Scope scope) {
        return new ExpressionBinder(scope, true).bind(expression);
    }

    /** Binds a constant non-negative integer, such as the count of {@code take} and {@code top}. */
    static long bindRowCount(Expression expression, Scope scope) {
        BoundExpression bound = bindScalar(expression, scope);
        if (!(bound instanceof BoundLiteral literal) || literal.value().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.constantExpected(), expression.span());
        }
        if (!(literal.type() == KqlType.LONG || literal.type() == KqlType.INT)
                || ((Number) literal.value().get()).longValue() < 0) {
            throw new DiagnosticException(DiagnosticFacts.nonNegativeIntegerExpected(), expression.span());
        }
        return ((Number) literal.value().get()).longValue();
    }

    private BoundExpression bind(Expression expression) {
        return expression.accept(kinds);
    }

    /** One method per kind of expression as written. */
    private final ExpressionVisitor<BoundExpression> kinds = new ExpressionVisitor<>() {
        @Override
        public BoundExpression visit(NameReference reference) {
            Optional<BoundExpression> value = scope.lookup(reference.name());
            if (value.isPresent()) {
                return value.get();
            }
            if (LetBinder.isTabular(reference, scope.environment())) {
                throw new DiagnosticException(DiagnosticFacts.notAScalar(reference.name()), reference.span());
            }
            throw new DiagnosticException(DiagnosticFacts.unknownName(reference.name()), reference.span());
        }

        @Override
        public BoundExpression visit(AllColumns all) {
            throw new DiagnosticException(DiagnosticFacts.allColumnsNotAllowed(), all.span());
        }

        @Override
        public BoundExpression visit(NamedArgument named) {
            throw new DiagnosticException(DiagnosticFacts.namedArgumentNotAllowed(named.name().name()), named.span());
        }

        @Override
        public BoundExpression visit(SubqueryExpression subquery) {
            throw new DiagnosticException(DiagnosticFacts.subqueryNotAllowed(), subquery.span());
        }

        @Override
        public BoundExpression visit(LiteralExpression literal) {
            return literal(literal);
        }

        @Override
        public BoundExpression visit(NullLiteral nullLiteral) {
            return new BoundLiteral(Optional.empty(), literalType(nullLiteral.kind()));
        }

        @Override
        public BoundExpression visit(BinaryExpression binary) {
            BoundExpression left = bind(binary.left());
            BoundExpression right = bind(binary.right());
            return operator(binary.operator(), binary.operatorSpan(), left, right);
        }

        @Override
        public BoundExpression visit(UnaryExpression unary) {
            BoundExpression operand = bind(unary.operand());
            FunctionDeclaration negation = FunctionRegistry.negation();
            if (!unary.negate()) {
                if (!operand.type().isNumeric() && operand.type() != KqlType.TIMESPAN) {
                    throw new DiagnosticException(DiagnosticFacts.operatorNotDefined("+", List.of(operand.type())), unary.span());
                }
                return operand;
            }
            Signature signature = OverloadResolver.resolve(negation.signatures(), List.of(operand.type()))
                    .orElseThrow(() -> new DiagnosticException(
                            DiagnosticFacts.operatorNotDefined("-", List.of(operand.type())), unary.span()));
            return new BoundCall(negation, signature, List.of(operand));
        }

        @Override
        public BoundExpression visit(InExpression in) {
            return in(in);
        }

        @Override
        public BoundExpression visit(FunctionCall call) {
            return call(call);
        }

        @Override
        public BoundExpression visit(MemberAccess member) {
            if (member.target() instanceof NameReference reference) {
                Optional<BoundExpression> qualified = scope.lookupQualified(reference.name(), member.member());
                if (qualified.isPresent()) {
                    return qualified.get();
                }
                if (scope.isClosedQualifier(reference.name()) && scope.lookup(reference.name()).isEmpty()) {
                    throw new DiagnosticException(DiagnosticFacts.graphUnknownProperty(reference.name(), member.member()), member.memberSpan());
                }
            }
            BoundExpression target = dynamicTarget(member.target());
            return new BoundCall(FunctionRegistry.memberAccess(), FunctionRegistry.memberAccess().signatures().get(0),
                    List.of(target, BoundLiteral.of(member.member(), KqlType.STRING)));
        }

        @Override
        public BoundExpression visit(ElementAccess element) {
            return element(element);
        }

        @Override
        public BoundExpression visit(BetweenExpression between) {
            return ExpressionBinder.this.between(between);
        }
    };

    private BoundExpression dynamicTarget(Expression target) {
        BoundExpression bound = bind(target);
        if (bound.type() != KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.notDynamic(bound.type()), target.span());
        }
        return bound;
    }

    private BoundExpression element(ElementAccess element) {
        BoundExpression target = dynamicTarget(element.target());
        BoundExpression index = bind(element.index());
        FunctionDeclaration access = FunctionRegistry.elementAccess();
        Signature signature = OverloadResolver.resolve(access.signatures(), List.of(target.type(), index.type()))
                .filter(s -> index.type() != KqlType.DYNAMIC)
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.badIndex(index.type()), element.index().span()));
        return new BoundCall(access, signature, List.of(target, index));
    }

    private static KqlType literalType(LiteralKind kind) {
        switch (kind) {
            case BOOL: return KqlType.BOOL;
            case INT: return KqlType.INT;
            case LONG: return KqlType.LONG;
            case REAL: return KqlType.REAL;
            case DECIMAL: return KqlType.DECIMAL;
            case STRING: return KqlType.STRING;
            case DATETIME: return KqlType.DATETIME;
            case TIMESPAN: return KqlType.TIMESPAN;
            case GUID: return KqlType.GUID;
            case DYNAMIC: return KqlType.DYNAMIC;
            default: throw new IllegalStateException("literal kind " + kind);
        }
    }

    private static BoundLiteral literal(LiteralExpression literal) {
        return BoundLiteral.of(literal.value(), literalType(literal.kind()));
    }

    static BoundCall operator(BinaryOperator operator, Span operatorSpan, BoundExpression left, BoundExpression right) {
        FunctionDeclaration declaration = FunctionRegistry.operator(operator);
        Signature signature = OverloadResolver.resolve(declaration.signatures(), List.of(left.type(), right.type()))
                .orElseThrow(() -> new DiagnosticException(
                        DiagnosticFacts.operatorNotDefined(operator.text(), List.of(left.type(), right.type())), operatorSpan));
        return new BoundCall(declaration, signature, converted(signature, List.of(left, right)));
    }

    private BoundExpression in(InExpression in) {
        BoundExpression value = bind(in.left());
        if (in.values().size() == 1 && LetBinder.isTabular(in.values().get(0), scope.environment())) {
            return Subqueries.in(value, in.negated(), in.values().get(0), scope.environment(), in.operatorSpan());
        }
        List<BoundExpression> candidates = new ArrayList<>();
        for (Expression candidate : in.values()) {
            BoundExpression bound = bind(candidate);
            if (bound instanceof BoundLiteral literal && literal.type() == KqlType.DYNAMIC && literal.value().isPresent()) {
                // a constant array counts element by element
                Optional<List<BoundLiteral>> elements = ConstantArrays.elements((String) literal.value().get());
                if (elements.isPresent()) {
                    for (BoundLiteral element : elements.get()) {
                        candidates.add(listCandidate(in, value, element, candidate));
                    }
                    continue;
                }
            }
            candidates.add(listCandidate(in, value, bound, candidate));
        }
        switch (in.operator()) {
            case IN:
            case IN_IGNORING_CASE:
                return new BoundIn(value, in.negated(), in.operator() == ListOperator.IN_IGNORING_CASE, candidates);
            default: {
                FunctionDeclaration terms = FunctionRegistry.termList(in.operator() == ListOperator.HAS_ALL);
                List<BoundExpression> arguments = new ArrayList<>();
                arguments.add(value);
                arguments.addAll(candidates);
                Signature signature = OverloadResolver.resolve(terms.signatures(), arguments.stream().map(BoundExpression::type).toList())
                        .orElseThrow(() -> new DiagnosticException(
                                DiagnosticFacts.operatorNotDefined(in.operator().text(), List.of(value.type())), in.operatorSpan()));
                return new BoundCall(terms, signature, converted(signature, arguments));
            }
        }
    }

    /** Checks one candidate of a list operator against the value it is compared with. */
    private static BoundExpression listCandidate(InExpression in, BoundExpression value, BoundExpression candidate, Expression syntax) {
        String operator = (in.negated() ? "!" : "") + in.operator().text();
        boolean fits;
        switch (in.operator()) {
            case IN:
            case IN_IGNORING_CASE: {
                FunctionDeclaration equality = FunctionRegistry.operator(
                        in.operator() == ListOperator.IN ? BinaryOperator.EQUAL : BinaryOperator.EQUAL_TILDE);
                fits = candidate.type() == KqlType.DYNAMIC && (value.type() == KqlType.STRING || value.type().isNumeric())
                        || OverloadResolver.resolve(equality.signatures(), List.of(value.type(), candidate.type())).isPresent();
                break;
            }
            default:
                fits = candidate.type() == KqlType.STRING || candidate.type() == KqlType.DYNAMIC;
        }
        if (!fits) {
            throw new DiagnosticException(DiagnosticFacts.operatorNotDefined(operator, List.of(value.type(), candidate.type())), syntax.span());
        }
        return candidate;
    }

    private BoundExpression between(BetweenExpression between) {
        BoundExpression value = bind(between.value());
        BoundExpression low = bind(between.low());
        BoundExpression high = bind(between.high());
        FunctionDeclaration declaration = FunctionRegistry.between(between.negated());
        List<KqlType> types = List.of(value.type(), low.type(), high.type());
        Signature signature = OverloadResolver.resolve(declaration.signatures(), types)
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.operatorNotDefined(declaration.name(), types), between.operatorSpan()));
        return new BoundCall(declaration, signature, converted(signature, List.of(value, low, high)));
    }

    private BoundExpression call(FunctionCall call) {
        if (scope.graphCalls().isPresent()) {
            Optional<BoundExpression> graph = scope.graphCalls().get().bind(call);
            if (graph.isPresent()) {
                return graph.get();
            }
        }
        Optional<Symbol> local = scope.environment().lookup(call.name());
        if (local.isPresent() && local.get() instanceof Symbol.Function function) {
            return userFunction(function, call);
        }
        if (call.name().equals(SpecialCalls.COLUMN_IFEXISTS)) {
            return columnIfExists(call);
        }
        if (call.name().equals(SpecialCalls.PACK_ALL)) {
            return PackAllCall.bind(call, scope);
        }
        if (call.name().equals(SpecialCalls.BIN_AUTO)) {
            return bind(binAuto(call));
        }
        if (call.name().equals(BagPackColumnsCall.NAME)) {
            return BagPackColumnsCall.bind(call, scope);
        }
        if (call.name().equals(EstimateDataSizeCall.NAME)) {
            return EstimateDataSizeCall.bind(call, scope);
        }
        if (call.name().equals(IngestionTimeCall.NAME)) {
            return IngestionTimeCall.bind(call, scope);
        }
        if (CallerCalls.NAMES.contains(call.name())) {
            return CallerCalls.bind(call, scope.environment().context().caller());
        }
        if (TypedResultCalls.handles(call)) {
            return TypedResultCalls.bind(call, this::bind);
        }
        if (call.name().equals("toscalar")) {
            return Subqueries.toScalar(call, scope.environment());
        }
        Optional<FunctionDeclaration> builtIn = FunctionRegistry.function(call.name());
        if (builtIn.isEmpty()) {
            Optional<Symbol.Function> stored = scope.environment().storedFunction(call.name(), call.nameSpan());
            if (stored.isPresent()) {
                return userFunction(stored.get(), call);
            }
            throw new DiagnosticException(DiagnosticFacts.unknownFunction(call.name()), call.nameSpan());
        }
        FunctionDeclaration declaration = builtIn.get();
        if (declaration.isAggregate() && (!aggregatesAllowed || call.arguments().size() > 1)
                && FunctionRegistry.scalarForm(call.name()).isPresent()) {
            declaration = FunctionRegistry.scalarForm(call.name()).get();
        }
        if (declaration.isAggregate() && !aggregatesAllowed) {
            throw new DiagnosticException(DiagnosticFacts.aggregateOutsideSummarize(call.name()), call.nameSpan());
        }
        if (declaration.signatures().stream().noneMatch(s -> s.accepts(call.arguments().size()))) {
            throw new DiagnosticException(argumentCount(declaration), call.span());
        }
        // arguments of an aggregate are per-row values: no aggregate inside an aggregate
        ExpressionBinder argumentBinder = declaration.isAggregate() ? new ExpressionBinder(scope, false) : this;
        List<BoundExpression> arguments = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            arguments.add(argumentBinder.bind(argument));
        }
        List<KqlType> types = arguments.stream().map(BoundExpression::type).toList();
        Optional<Signature> signature = OverloadResolver.resolve(declaration.signatures(), types);
        if (signature.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.noMatchingOverload(call.name(), types), call.nameSpan());
        }
        BoundCall bound = new BoundCall(declaration, signature.get(), converted(signature.get(), arguments));
        return call.name().equals(AssertCall.NAME) ? AssertCall.check(call, bound) : bound;
    }

    /**
     * bin_auto(value): bin_at(value, size, at) with the size and fixed point the query sets ({@code set
     * query_bin_auto_size = 1h; set query_bin_auto_at = ...;}); without a fixed point, bins align as bin's do.
     */
    private FunctionCall binAuto(FunctionCall call) {
        if (call.arguments().size() != 1) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(call.name(), List.of(1)), call.span());
        }
        QueryContext context = scope.environment().context();
        Expression size = context.option("query_bin_auto_size")
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.binAutoSize(), call.span()));
        Optional<Expression> at = context.option("query_bin_auto_at");
        List<Expression> arguments = new ArrayList<>(List.of(call.arguments().get(0), size));
        at.ifPresent(arguments::add);
        return new FunctionCall(at.isPresent() ? "bin_at" : "bin", call.nameSpan(), arguments, call.span());
    }

    /** column_ifexists(name, default): the column when the input has it, else the default value. */
    private BoundExpression columnIfExists(FunctionCall call) {
        if (call.arguments().size() != 2) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(call.name(), List.of(2)), call.span());
        }
        if (!(call.arguments().get(0) instanceof LiteralExpression name) || name.kind() != LiteralKind.STRING) {
            throw new DiagnosticException(DiagnosticFacts.constantArgument(call.name(), "the column name"), call.arguments().get(0).span());
        }
        Optional<BoundExpression> column = scope.lookup((String) name.value());
        return column.isPresent() ? column.get() : bind(call.arguments().get(1));
    }

    private static DiagnosticFact argumentCount(FunctionDeclaration declaration) {
        TreeSet<Integer> arities = new TreeSet<>();
        int variadicFrom = Integer.MAX_VALUE;
        for (Signature signature : declaration.signatures()) {
            if (signature.variadic()) {
                variadicFrom = Math.min(variadicFrom, signature.parameters().size());
            } else {
                arities.add(signature.parameters().size());
            }
        }
        if (variadicFrom != Integer.MAX_VALUE) {
            return DiagnosticFacts.argumentCountAtLeast(declaration.name(), Math.min(variadicFrom, arities.isEmpty() ? variadicFrom : arities.first()));
        }
        return DiagnosticFacts.argumentCount(declaration.name(), List.copyOf(arities));
    }

    /** The arguments with dynamic values converted to the scalar types the signature needs. */
    static List<BoundExpression> converted(Signature signature, List<BoundExpression> arguments) {
        List<BoundExpression> result = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            BoundExpression argument = arguments.get(i);
            KqlType target = signature.parameterType(i);
            if (!signature.acceptsAnyTypeAt(i) && OverloadResolver.needsConversion(argument.type(), target)) {
                FunctionDeclaration conversion = FunctionRegistry.conversionTo(target)
                        .orElseThrow(() -> new IllegalStateException("no conversion to " + target));
                Signature from = OverloadResolver.resolve(conversion.signatures(), List.of(argument.type()))
                        .orElseThrow(() -> new IllegalStateException("no conversion from dynamic to " + target));
                result.add(new BoundCall(conversion, from, List.of(argument)));
            } else {
                result.add(argument);
            }
        }
        return result;
    }

    private BoundExpression userFunction(Symbol.Function function, FunctionCall call) {
        Symbol result = UserFunctions.invoke(function, call.arguments(), Optional.empty(), scope, call.span());
        if (result instanceof Symbol.Scalar scalar) {
            return scalar.value();
        }
        throw new DiagnosticException(DiagnosticFacts.tabularFunctionInScalarContext(call.name()), call.nameSpan());
    }
}
