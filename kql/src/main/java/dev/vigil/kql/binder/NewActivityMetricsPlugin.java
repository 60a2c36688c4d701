package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate new_activity_metrics(Id, Timeline, Start, End, Window [, Cohort] [, dim, ...])}: the cohort of a window
 * is the ids first seen in it (windows aligned to Start, rows from Start to End, per dimension values). For each cohort
 * ({@code from_}Timeline, or only the given Cohort) and each window from it up to End ({@code to_}Timeline, windows
 * without rows too): {@code dcount_new_values}, the ids of the later window not seen in any window up to the cohort's
 * (for the cohort's own window, not seen before it); {@code dcount_retained_values}, the cohort's ids seen in the later
 * window; {@code dcount_churn_values}, the rest of the cohort (a real, as Kusto's schema has it); and their shares of
 * the cohort as {@code retention_rate} and {@code churn_rate}. A sixth argument that is a column of the input is a
 * dimension, anything else the cohort.
 */
final class NewActivityMetricsPlugin {
    static final String NAME = "new_activity_metrics";

    private NewActivityMetricsPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 5);
        String id = PluginExpansion.columnName(NAME, arguments.get(0), input, environment);
        String timelineColumn = PluginExpansion.columnArgument(NAME, arguments.get(1), input, environment);
        String time = PluginExpansion.name(timelineColumn);
        BoundExpression window = PluginExpansion.fixedStep(NAME, "window", arguments.get(4), environment);
        boolean cohort = arguments.size() > 5 && !PluginExpansion.isInputColumn(arguments.get(5), input, environment);
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(cohort ? 6 : 5, arguments.size()), input, environment);
        Map<String, BoundExpression> scalars = new HashMap<>();
        scalars.put("__nam_start", PluginExpansion.scalarArgument(arguments.get(2), environment));
        scalars.put("__nam_end", PluginExpansion.scalarArgument(arguments.get(3), environment));
        scalars.put("__nam_step", window);
        if (cohort) {
            scalars.put("__nam_cohort", PluginExpansion.scalarArgument(arguments.get(5), environment));
        }
        String dims = dimensions.stream().map(d -> ", " + d).reduce("", String::concat);
        String seen = PluginExpansion.INPUT + " | where " + time + " >= __nam_start and " + time + " <= __nam_end"
                + " | project __nam_w = bin_at(" + time + ", __nam_step, __nam_start), __nam_id = " + id + dims
                + " | where isnotnull(__nam_id) | distinct __nam_w, __nam_id" + dims;
        String first = seen + " | summarize __nam_first = min(__nam_w) by __nam_id" + dims;
        // a row per cohort and later window, with the cohort's size
        String pairs = first + " | summarize __nam_size = count() by __nam_from = __nam_first" + dims
                + (cohort ? " | where __nam_from == __nam_cohort" : "")
                + " | extend __nam_tos = range(__nam_from, __nam_end, __nam_step) | mv-expand __nam_to = __nam_tos"
                + " | extend __nam_to = " + SlidingWindowCountsPlugin.conversion(input, timelineColumn) + "(__nam_to) | project-away __nam_tos";
        String counts = seen + " | join kind=inner (" + first + ") on __nam_id" + dims
                + " | project __nam_to = __nam_w, __nam_id, __nam_first" + dims
                + " | join kind=inner (" + pairs + " | project __nam_from, __nam_to" + dims + ") on __nam_to" + dims
                + " | summarize __nam_retained = countif(__nam_first == __nam_from),"
                + " __nam_new = countif(__nam_first > __nam_from or (__nam_first == __nam_from and __nam_to == __nam_from))"
                + " by __nam_from, __nam_to" + dims;
        List<String> output = new ArrayList<>();
        output.add(PluginExpansion.name("from_" + timelineColumn) + " = __nam_from");
        output.add(PluginExpansion.name("to_" + timelineColumn) + " = __nam_to");
        output.add("dcount_new_values = __nam_new");
        output.add("dcount_retained_values = __nam_retained");
        output.add("dcount_churn_values = todouble(__nam_size - __nam_retained)");
        output.add("retention_rate = todouble(__nam_retained) / __nam_size");
        output.add("churn_rate = todouble(__nam_size - __nam_retained) / __nam_size");
        output.addAll(dimensions);
        String kql = pairs + " | join kind=leftouter (" + counts + ") on __nam_from, __nam_to" + dims
                + " | extend __nam_retained = coalesce(__nam_retained, 0), __nam_new = coalesce(__nam_new, 0)"
                + " | project " + String.join(", ", output);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }
}
