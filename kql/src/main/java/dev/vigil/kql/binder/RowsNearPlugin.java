package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluate rows_near(Condition, NumRows [, RowsAfter])}: the rows of the (serialized) input that
 * are at most NumRows before, or NumRows (RowsAfter when given) after, a row where the condition
 * holds; each row once, in the input's order. Reach is checked by looking that many rows each way,
 * so the counts are limited to {@link #MAX_REACH}.
 */
final class RowsNearPlugin {
    static final String NAME = "rows_near";
    static final int MAX_REACH = 1000;
    private static final String CONDITION = "__rows_near_condition";

    private RowsNearPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = evaluate.plugin().arguments();
        if (arguments.size() < 2 || arguments.size() > 3) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(2, 3)), evaluate.plugin().span());
        }
        Scope scope = Scope.of(input.schema(), environment);
        BoundExpression condition = ExpressionBinder.bindScalar(arguments.get(0), scope);
        if (condition.type() != KqlType.BOOL) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "a bool condition"), arguments.get(0).span());
        }
        long before = reach(arguments.get(1), scope);
        long after = arguments.size() == 3 ? reach(arguments.get(2), scope) : before;
        List<String> near = new ArrayList<>();
        near.add("__rows_near_flag");
        for (long k = 1; k <= before; k++) {
            near.add("coalesce(next(__rows_near_flag, " + k + "), false)");
        }
        for (long k = 1; k <= after; k++) {
            near.add("coalesce(prev(__rows_near_flag, " + k + "), false)");
        }
        List<String> kept = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            kept.add(PluginExpansion.name(column.name()));
        }
        String kql = PluginExpansion.INPUT
                + " | serialize __rows_near_flag = coalesce(" + CONDITION + ", false)"
                + " | extend __rows_near_keep = " + String.join(" or ", near)
                + " | where __rows_near_keep"
                + " | project " + String.join(", ", kept);
        LogicalOperator withCondition = PluginExpansion.withColumn(input, CONDITION, condition);
        return PluginExpansion.expand(NAME, kql, withCondition, environment, evaluate.plugin().span());
    }

    private static long reach(Expression argument, Scope scope) {
        long rows = ExpressionBinder.bindRowCount(argument, scope);
        if (rows > MAX_REACH) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "at most " + MAX_REACH + " rows"), argument.span());
        }
        return rows;
    }
}
