package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate active_users_count(Id, Timeline, Start, End, LookbackWindow, Period, ActivePeriodsCount, Bin [, dim, ...])}:
 * per bin of the timeline (aligned to Start, rows from Start to End) and dimension values, the distinct ids with an
 * active appearance in the bin. An appearance at t is active when the id's rows with the same dimension values in the
 * lookback window ending with it, (t - LookbackWindow, t], fall into at least ActivePeriodsCount distinct periods
 * ({@code bin(t, Period)}). Rows before Start count for the lookback, as in Kusto's documented example; the window
 * leaves out its first instant, as that example's result requires (an appearance exactly LookbackWindow earlier does
 * not count). The count column is {@code dcount}, as Kusto's output names it.
 */
final class ActiveUsersCountPlugin {
    static final String NAME = "active_users_count";

    private ActiveUsersCountPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 8);
        String id = PluginExpansion.columnName(NAME, arguments.get(0), input, environment);
        String time = PluginExpansion.columnName(NAME, arguments.get(1), input, environment);
        BoundExpression bin = PluginExpansion.fixedStep(NAME, "bin", arguments.get(7), environment);
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(8, arguments.size()), input, environment);
        Map<String, BoundExpression> scalars = Map.of(
                "__auc_start", PluginExpansion.scalarArgument(arguments.get(2), environment),
                "__auc_end", PluginExpansion.scalarArgument(arguments.get(3), environment),
                "__auc_lookback", PluginExpansion.scalarArgument(arguments.get(4), environment),
                "__auc_period", PluginExpansion.scalarArgument(arguments.get(5), environment),
                "__auc_active", PluginExpansion.scalarArgument(arguments.get(6), environment),
                "__auc_bin", bin);
        List<String> keys = new ArrayList<>();
        keys.add("__auc_id");
        keys.addAll(dimensions);
        List<String> appearance = new ArrayList<>(keys);
        appearance.add("__auc_t");
        List<String> output = new ArrayList<>();
        output.add(time + " = bin_at(__auc_t, __auc_bin, __auc_start)");
        output.addAll(dimensions);
        String kql = PluginExpansion.INPUT + " | where " + time + " >= __auc_start and " + time + " <= __auc_end"
                + " | project " + projection(id, "__auc_t = " + time, dimensions)
                + " | join kind=inner (" + PluginExpansion.INPUT + " | where " + time + " > __auc_start - __auc_lookback and " + time
                + " <= __auc_end | project " + projection(id, "__auc_seen = " + time, dimensions) + ") on " + String.join(", ", keys)
                + " | where __auc_seen > __auc_t - __auc_lookback and __auc_seen <= __auc_t"
                + " | summarize __auc_periods = dcount(bin(__auc_seen, __auc_period)) by " + String.join(", ", appearance)
                + " | where __auc_periods >= __auc_active"
                + " | summarize ['dcount'] = dcount(__auc_id) by " + String.join(", ", output);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }

    private static String projection(String id, String time, List<String> dimensions) {
        List<String> columns = new ArrayList<>();
        columns.add("__auc_id = " + id);
        columns.add(time);
        columns.addAll(dimensions);
        return String.join(", ", columns);
    }
}
