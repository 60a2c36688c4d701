package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate activity_counts_metrics(Id, Timeline, Start, End, Window [, dim, ...])}: per window of the timeline
 * (aligned to Start, rows from Start to End) and dimension values, {@code count} (rows), {@code dcount} (distinct ids),
 * {@code new_dcount} (ids first seen in this window) and {@code aggregated_dcount} (distinct ids of this and all
 * earlier windows). Windows without rows are left out.
 */
final class ActivityCountsMetricsPlugin {
    static final String NAME = "activity_counts_metrics";

    private ActivityCountsMetricsPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 5);
        String id = PluginExpansion.columnName(NAME, arguments.get(0), input, environment);
        String timelineColumn = PluginExpansion.columnArgument(NAME, arguments.get(1), input, environment);
        String time = PluginExpansion.name(timelineColumn);
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(5, arguments.size()), input, environment);
        Map<String, BoundExpression> scalars = Map.of(
                "__acm_start", PluginExpansion.scalarArgument(arguments.get(2), environment),
                "__acm_end", PluginExpansion.scalarArgument(arguments.get(3), environment),
                "__acm_size", PluginExpansion.scalarArgument(arguments.get(4), environment));
        String rows = PluginExpansion.INPUT + " | where " + time + " >= __acm_start and " + time + " <= __acm_end"
                + " | extend __acm_window = bin_at(" + time + ", __acm_size, __acm_start)";
        String groups = join("__acm_window", dimensions);
        List<String> sortKeys = new ArrayList<>();
        dimensions.forEach(d -> sortKeys.add(d + " asc"));
        sortKeys.add("__acm_window asc");
        List<String> output = new ArrayList<>();
        output.add(time + " = __acm_window");
        output.addAll(dimensions);
        output.add("['count'] = __acm_count");
        output.add("['dcount'] = __acm_dcount");
        output.add("new_dcount = __acm_new");
        output.add("aggregated_dcount = __acm_total");
        // new ids per window, then their running total; with dimensions the total of the earlier groups is taken off
        // (row_cumsum has no restart here)
        String counted = rows
                + " | summarize __acm_count = count(), __acm_dcount = dcount(" + id + ") by " + groups
                + " | join kind=leftouter (" + rows + " | summarize __acm_first = min(__acm_window) by " + join(id, dimensions)
                + " | summarize __acm_new = count() by " + join("__acm_window = __acm_first", dimensions) + ") on " + groups
                + " | extend __acm_new = coalesce(__acm_new, 0)"
                + " | sort by " + String.join(", ", sortKeys)
                + " | extend __acm_cumulative = row_cumsum(__acm_new)";
        String kql = dimensions.isEmpty()
                ? counted + " | extend __acm_total = __acm_cumulative"
                : counted + " | join kind=inner (" + counted + " | summarize __acm_base = min(__acm_cumulative - __acm_new) by "
                        + String.join(", ", dimensions) + ") on " + String.join(", ", dimensions)
                        + " | extend __acm_total = __acm_cumulative - __acm_base";
        kql += " | project " + String.join(", ", output);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }

    private static String join(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return String.join(", ", all);
    }
}
