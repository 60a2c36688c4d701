package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundIn;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.InExpression;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.NameReference;
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
        if (expression instanceof NameReference reference) {
            Optional<BoundExpression> value = scope.lookup(reference.name());
            if (value.isPresent()) {
                return value.get();
            }
            if (LetBinder.isTabular(reference, scope.environment())) {
                throw new DiagnosticException(DiagnosticFacts.notAScalar(reference.name()), reference.span());
            }
            throw new DiagnosticException(DiagnosticFacts.unknownName(reference.name()), reference.span());
        }
        if (expression instanceof SubqueryExpression subquery) {
            throw new DiagnosticException(DiagnosticFacts.subqueryNotAllowed(), subquery.span());
        }
        if (expression instanceof LiteralExpression literal) {
            return literal(literal);
        }
        if (expression instanceof BinaryExpression binary) {
            BoundExpression left = bind(binary.left());
            BoundExpression right = bind(binary.right());
            return operator(binary.operator(), binary.operatorSpan(), left, right);
        }
        if (expression instanceof UnaryExpression unary) {
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
        if (expression instanceof InExpression in) {
            return in(in);
        }
        if (expression instanceof FunctionCall call) {
            return call(call);
        }
        throw new IllegalStateException("unbound expression kind " + expression.getClass().getSimpleName());
    }

    private static BoundLiteral literal(LiteralExpression literal) {
        switch (literal.kind()) {
            case BOOL: return BoundLiteral.of(literal.value(), KqlType.BOOL);
            case LONG: return BoundLiteral.of(literal.value(), KqlType.LONG);
            case REAL: return BoundLiteral.of(literal.value(), KqlType.REAL);
            case STRING: return BoundLiteral.of(literal.value(), KqlType.STRING);
            case DATETIME: return BoundLiteral.of(literal.value(), KqlType.DATETIME);
            case TIMESPAN: return BoundLiteral.of(literal.value(), KqlType.TIMESPAN);
            case DYNAMIC: return BoundLiteral.of(literal.value(), KqlType.DYNAMIC);
            default: throw new IllegalStateException("literal kind " + literal.kind());
        }
    }

    static BoundCall operator(BinaryOperator operator, Span operatorSpan, BoundExpression left, BoundExpression right) {
        FunctionDeclaration declaration = FunctionRegistry.operator(operator);
        Signature signature = OverloadResolver.resolve(declaration.signatures(), List.of(left.type(), right.type()))
                .orElseThrow(() -> new DiagnosticException(
                        DiagnosticFacts.operatorNotDefined(operator.text(), List.of(left.type(), right.type())), operatorSpan));
        return new BoundCall(declaration, signature, List.of(left, right));
    }

    private BoundExpression in(InExpression in) {
        BoundExpression value = bind(in.left());
        if (in.values().size() == 1 && LetBinder.isTabular(in.values().get(0), scope.environment())) {
            return Subqueries.in(value, in.negated(), in.values().get(0), scope.environment(), in.operatorSpan());
        }
        List<BoundExpression> candidates = new ArrayList<>();
        FunctionDeclaration equality = FunctionRegistry.operator(BinaryOperator.EQUAL);
        for (Expression candidate : in.values()) {
            BoundExpression bound = bind(candidate);
            if (OverloadResolver.resolve(equality.signatures(), List.of(value.type(), bound.type())).isEmpty()) {
                throw new DiagnosticException(
                        DiagnosticFacts.operatorNotDefined(in.negated() ? "!in" : "in", List.of(value.type(), bound.type())),
                        candidate.span());
            }
            candidates.add(bound);
        }
        return new BoundIn(value, in.negated(), candidates);
    }

    private BoundExpression call(FunctionCall call) {
        Optional<Symbol> local = scope.environment().lookup(call.name());
        if (local.isPresent() && local.get() instanceof Symbol.Function function) {
            return userFunction(function, call);
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
        if (declaration.isAggregate() && !aggregatesAllowed) {
            throw new DiagnosticException(DiagnosticFacts.aggregateOutsideSummarize(call.name()), call.nameSpan());
        }
        TreeSet<Integer> arities = new TreeSet<>();
        declaration.signatures().forEach(s -> arities.add(s.parameters().size()));
        if (!arities.contains(call.arguments().size())) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(call.name(), List.copyOf(arities)), call.span());
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
        return new BoundCall(declaration, signature.get(), arguments);
    }

    private BoundExpression userFunction(Symbol.Function function, FunctionCall call) {
        Symbol result = UserFunctions.invoke(function, call.arguments(), Optional.empty(), scope, call.span());
        if (result instanceof Symbol.Scalar scalar) {
            return scalar.value();
        }
        throw new DiagnosticException(DiagnosticFacts.tabularFunctionInScalarContext(call.name()), call.nameSpan());
    }
}
