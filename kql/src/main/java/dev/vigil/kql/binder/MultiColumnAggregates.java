package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.syntax.AllColumns;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.types.KqlType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The aggregates that give several columns: {@code arg_max(Key, Col1, Col2 | *)} and
 * {@code arg_min} (the key's extreme, then each column's value in that row; {@code *} is every
 * input column that is not a group column or the key), and {@code percentile(X, p)} /
 * {@code percentiles(X, p1, p2, ...)} (one column per p, named {@code percentile_X_p}).
 * The legacy spellings argmax and argmin mean the same as arg_max and arg_min here.
 */
final class MultiColumnAggregates {
    private static final Set<String> PERCENTILES = Set.of("percentile", "percentiles", "percentilew", "percentilesw");

    private MultiColumnAggregates() {
    }

    static boolean handles(ColumnAssignment assignment) {
        return assignment.expression() instanceof FunctionCall call
                && (FunctionRegistry.rowPickingAggregates().contains(call.name()) || PERCENTILES.contains(call.name()));
    }

    static List<OutputColumn> bind(ColumnAssignment assignment, Scope scope, List<ColumnSchema> input, List<OutputColumn> groups,
                                   ColumnNames names) {
        FunctionCall call = (FunctionCall) assignment.expression();
        if (call.name().startsWith("percentile")) {
            return percentiles(assignment, call, scope, names);
        }
        return argExtreme(assignment, call, scope, input, groups, names);
    }

    private static List<OutputColumn> argExtreme(ColumnAssignment assignment, FunctionCall call, Scope scope, List<ColumnSchema> input,
                                                 List<OutputColumn> groups, ColumnNames names) {
        boolean smallest = call.name().endsWith("min");
        if (call.arguments().size() < 2) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast(call.name(), 2), call.span());
        }
        Expression keySyntax = call.arguments().get(0);
        BoundExpression key = ExpressionBinder.bindScalar(keySyntax, scope);
        FunctionDeclaration extreme = FunctionRegistry.function(smallest ? "min" : "max").orElseThrow();
        Signature keySignature = OverloadResolver.resolve(extreme.signatures(), List.of(key.type()))
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.notSortable(key.type()), keySyntax.span()));
        List<OutputColumn> columns = new ArrayList<>();
        String keyName = assignment.name().map(n -> n.name()).orElseGet(() -> names.nameFor(keySyntax));
        columns.add(new OutputColumn(keyName, new BoundCall(extreme, keySignature, List.of(key))));
        FunctionDeclaration value = FunctionRegistry.argExtremeValue(smallest);
        for (Expression argument : call.arguments().subList(1, call.arguments().size())) {
            if (argument instanceof AllColumns) {
                for (ColumnSchema column : input) {
                    boolean grouped = groups.stream().anyMatch(g -> g.name().equals(column.name()));
                    if (grouped || column.name().equals(keyName) || names.isTaken(column.name())) {
                        continue;
                    }
                    names.take(column.name());
                    columns.add(valueColumn(value, column.name(), new BoundColumn(column.name(), column.type()), key));
                }
            } else {
                BoundExpression bound = ExpressionBinder.bindScalar(argument, scope);
                columns.add(valueColumn(value, names.nameFor(argument), bound, key));
            }
        }
        return columns;
    }

    private static OutputColumn valueColumn(FunctionDeclaration value, String name, BoundExpression column, BoundExpression key) {
        Signature signature = OverloadResolver.resolve(value.signatures(), List.of(column.type(), key.type()))
                .orElseThrow(() -> new IllegalStateException("no arg_max value signature for " + column.type()));
        return new OutputColumn(name, new BoundCall(value, signature, List.of(column, key)));
    }

    /**
     * {@code percentile(X, p)}, {@code percentiles(X, p1, ...)} and their weighted forms {@code percentilew(X, W, p)},
     * {@code percentilesw(X, W, p1, ...)}: one column per percentage, named {@code percentile_X_p}.
     */
    private static List<OutputColumn> percentiles(ColumnAssignment assignment, FunctionCall call, Scope scope, ColumnNames names) {
        boolean weighted = call.name().endsWith("w");
        boolean single = call.name().equals("percentile") || call.name().equals("percentilew");
        int fixed = weighted ? 2 : 1;
        if (call.arguments().size() <= fixed || (single && call.arguments().size() != fixed + 1)) {
            throw new DiagnosticException(single
                    ? DiagnosticFacts.argumentCount(call.name(), List.of(fixed + 1))
                    : DiagnosticFacts.argumentCountAtLeast(call.name(), fixed + 1), call.span());
        }
        Expression valueSyntax = call.arguments().get(0);
        List<BoundExpression> leading = new ArrayList<>();
        for (Expression argument : call.arguments().subList(0, fixed)) {
            leading.add(ExpressionBinder.bindScalar(argument, scope));
        }
        FunctionDeclaration percentile = FunctionRegistry.function(weighted ? "percentilew" : "percentile").orElseThrow();
        String base = ColumnNames.implicitName(valueSyntax).orElse("");
        List<OutputColumn> columns = new ArrayList<>();
        for (Expression percentSyntax : call.arguments().subList(fixed, call.arguments().size())) {
            BoundExpression percent = ExpressionBinder.bindScalar(percentSyntax, scope);
            if (!(percent instanceof BoundLiteral literal) || literal.value().isEmpty() || !literal.type().isNumeric()) {
                throw new DiagnosticException(DiagnosticFacts.constantArgument(call.name(), "each percentage"), percentSyntax.span());
            }
            List<BoundExpression> arguments = new ArrayList<>(leading);
            arguments.add(percent);
            List<KqlType> wanted = new ArrayList<>(leading.stream().map(BoundExpression::type).toList());
            wanted.add(KqlType.REAL);
            Signature signature = OverloadResolver.resolve(percentile.signatures(), wanted)
                    .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.noMatchingOverload(call.name(),
                            arguments.stream().map(BoundExpression::type).toList()), call.nameSpan()));
            String text = new BigDecimal(String.valueOf(literal.value().get())).stripTrailingZeros().toPlainString().replace('.', '_');
            Optional<String> explicit = columns.isEmpty() ? assignment.name().map(n -> n.name()) : Optional.empty();
            String name = explicit.orElseGet(() -> names.unique("percentile_" + base + "_" + text));
            columns.add(new OutputColumn(name, new BoundCall(percentile, signature, ExpressionBinder.converted(signature, arguments))));
        }
        return columns;
    }
}
