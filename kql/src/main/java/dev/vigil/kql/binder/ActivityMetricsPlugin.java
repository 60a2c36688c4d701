package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate activity_metrics(Id, Timeline, [Start, End,] Window [, dim, ...])}: per window of the timeline (aligned
 * to Start and holding the rows from Start to End when they are given, else {@code bin(Timeline, Window)}) and dimension
 * values, {@code dcount_values} (distinct ids), {@code dcount_newvalues} (those not seen in the window before),
 * {@code retention_rate} (the ids of the window before seen again, over the ids of the window before) and
 * {@code churn_rate} (1 - retention_rate); both rates are NaN when the window before has no ids. Start and End are told
 * from dimensions by the fourth argument: a column of the input is a dimension.
 */
final class ActivityMetricsPlugin {
    static final String NAME = "activity_metrics";

    private ActivityMetricsPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 3);
        boolean ranged = arguments.size() >= 4 && !PluginExpansion.isInputColumn(arguments.get(3), input, environment);
        if (ranged && arguments.size() < 5) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast(NAME, 5), evaluate.plugin().span());
        }
        int windowAt = ranged ? 4 : 2;
        String id = PluginExpansion.columnName(NAME, arguments.get(0), input, environment);
        String time = PluginExpansion.columnName(NAME, arguments.get(1), input, environment);
        BoundExpression window = PluginExpansion.fixedStep(NAME, "window", arguments.get(windowAt), environment);
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(windowAt + 1, arguments.size()), input, environment);
        Map<String, BoundExpression> scalars = new HashMap<>();
        scalars.put("__am_step", window);
        String rows;
        if (ranged) {
            scalars.put("__am_start", PluginExpansion.scalarArgument(arguments.get(2), environment));
            scalars.put("__am_end", PluginExpansion.scalarArgument(arguments.get(3), environment));
            rows = PluginExpansion.INPUT + " | where " + time + " >= __am_start and " + time + " <= __am_end"
                    + " | project __am_w = bin_at(" + time + ", __am_step, __am_start), __am_id = " + id;
        } else {
            rows = PluginExpansion.INPUT + " | project __am_w = bin(" + time + ", __am_step), __am_id = " + id;
        }
        for (String dimension : dimensions) {
            rows += ", " + dimension;
        }
        List<String> keys = new ArrayList<>();
        keys.add("__am_w");
        keys.addAll(dimensions);
        List<String> withId = new ArrayList<>(keys);
        withId.add("__am_id");
        String on = String.join(", ", keys);
        String seen = rows + " | where isnotnull(__am_id) | distinct " + String.join(", ", withId);
        String shifted = "project-away __am_w | extend __am_w = __am_w0 + __am_step";
        List<String> output = new ArrayList<>();
        output.add(time + " = __am_w");
        output.add("dcount_values = __am_count");
        output.add("dcount_newvalues = __am_count - __am_returned");
        output.add("retention_rate = iff(__am_before == 0, toreal(\"NaN\"), todouble(__am_returned) / __am_before)");
        output.add("churn_rate = iff(__am_before == 0, toreal(\"NaN\"), todouble(__am_before - __am_returned) / __am_before)");
        output.addAll(dimensions);
        // the ids of each window that the window before also had, and the number of ids of the window before
        String kql = seen + " | summarize __am_count = count() by " + on
                + " | join kind=leftouter (" + seen + " | join kind=inner (" + seen + " | extend __am_w0 = __am_w | " + shifted
                + ") on " + String.join(", ", withId) + " | summarize __am_returned = count() by " + on + ") on " + on
                + " | join kind=leftouter (" + seen + " | summarize __am_before = count() by " + on + " | extend __am_w0 = __am_w | "
                + shifted + ") on " + on
                + " | extend __am_returned = coalesce(__am_returned, 0), __am_before = coalesce(__am_before, 0)"
                + " | project " + String.join(", ", output);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }
}
