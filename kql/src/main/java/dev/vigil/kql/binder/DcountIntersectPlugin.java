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
 * {@code evaluate dcount_intersect(hll_1, hll_2, ...)}: for 2 to 16 {@code hll} sketches per row, the input's columns
 * then {@code dcount0} (the distinct count of the first set), {@code dcount1} (of the first two sets' intersection), and
 * so on. Vigil's sketches hold the values themselves, so the counts are exact.
 */
final class DcountIntersectPlugin {
    static final String NAME = "dcount_intersect";

    private DcountIntersectPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = evaluate.plugin().arguments();
        if (arguments.size() < 2 || arguments.size() > 16) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "2 to 16 hll values"), evaluate.plugin().span());
        }
        LogicalOperator withSets = input;
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            BoundExpression set = ExpressionBinder.bindScalar(arguments.get(i), Scope.of(input.schema(), environment));
            if (set.type() != KqlType.DYNAMIC) {
                throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "an hll value (dynamic)"), arguments.get(i).span());
            }
            String name = "__dcount_intersect_" + i;
            withSets = PluginExpansion.withColumn(withSets, name, set);
            sets.add(name);
        }
        List<String> columns = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            columns.add(PluginExpansion.name(column.name()));
        }
        for (int i = 0; i < sets.size(); i++) {
            String intersection = i == 0 ? sets.get(0) : "set_intersect(" + String.join(", ", sets.subList(0, i + 1)) + ")";
            columns.add("dcount" + i + " = tolong(coalesce(array_length(" + intersection + "), 0))");
        }
        String kql = PluginExpansion.INPUT + " | project " + String.join(", ", columns);
        return PluginExpansion.expand(NAME, kql, withSets, environment, evaluate.plugin().span());
    }
}
