package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate sliding_window_counts(Id, Timeline, Start, End, LookbackWindow, Bin [, dim, ...])}: per bin of
 * the timeline from Start (bins aligned to Start, up to End) and per dimension values, the count and the distinct
 * count of ids over the lookback window that ends with the bin. The window is a whole number of bins (rounded
 * down), as Kusto's is: a row counts in its own bin and the following ones that the window reaches.
 */
final class SlidingWindowCountsPlugin {
    static final String NAME = "sliding_window_counts";

    private SlidingWindowCountsPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 6);
        String id = PluginExpansion.columnArgument(NAME, arguments.get(0), input, environment);
        String timeline = PluginExpansion.columnArgument(NAME, arguments.get(1), input, environment);
        BoundExpression bin = PluginExpansion.fixedStep(NAME, "bin", arguments.get(5), environment);
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(6, arguments.size()), input, environment);
        Map<String, BoundExpression> scalars = Map.of(
                "__sw_start", PluginExpansion.scalarArgument(arguments.get(2), environment),
                "__sw_end", PluginExpansion.scalarArgument(arguments.get(3), environment),
                "__sw_lookback", PluginExpansion.scalarArgument(arguments.get(4), environment),
                "__sw_bin", bin);
        String time = PluginExpansion.name(timeline);
        List<String> by = new ArrayList<>();
        by.add(time + " = __sw_window");
        by.addAll(dimensions);
        String kql = PluginExpansion.INPUT
                + " | where " + time + " >= __sw_start and " + time + " <= __sw_end"
                + " | extend __sw_first = bin_at(" + time + ", __sw_bin, __sw_start)"
                + " | extend __sw_windows = range(__sw_first, __sw_first + __sw_lookback - __sw_bin, __sw_bin)"
                + " | mv-expand __sw_window = __sw_windows"
                + " | extend __sw_window = " + conversion(input, timeline) + "(__sw_window)"
                + " | where __sw_window <= __sw_end"
                + " | summarize ['count'] = count(), ['dcount'] = dcount(" + PluginExpansion.name(id) + ") by " + String.join(", ", by);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }

    /** The conversion back to the timeline's type after the windows went through a dynamic array. */
    static String conversion(LogicalOperator input, String timeline) {
        KqlType type = input.schema().stream().filter(c -> c.name().equals(timeline)).findFirst().orElseThrow().type();
        return type == KqlType.REAL ? "toreal" : "to" + type.kqlName();
    }
}
