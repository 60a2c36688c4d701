package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code evaluate activity_engagement(Id, Timeline, [Start, End,] InnerWindow, OuterWindow [, dim, ...])}: per inner
 * window of the timeline (aligned to Start when given) and dimension values, the distinct ids of the inner window,
 * those of the outer window that ends with it, and their ratio (DAU/MAU with 1d and 30d). Rows outside [Start, End]
 * are not read; windows run up to End, or to the last inner window with rows.
 */
final class ActivityEngagementPlugin {
    static final String NAME = "activity_engagement";

    private ActivityEngagementPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = PluginExpansion.arguments(NAME, evaluate, 4);
        String id = PluginExpansion.columnName(NAME, arguments.get(0), input, environment);
        String timelineColumn = PluginExpansion.columnArgument(NAME, arguments.get(1), input, environment);
        String time = PluginExpansion.name(timelineColumn);
        boolean bounded = arguments.size() >= 6 && isScalar(arguments.get(4), environment) && isScalar(arguments.get(5), environment);
        int windows = bounded ? 4 : 2;
        Map<String, BoundExpression> scalars = new HashMap<>();
        scalars.put("__ae_inner", PluginExpansion.scalarArgument(arguments.get(windows), environment));
        scalars.put("__ae_outer", PluginExpansion.scalarArgument(arguments.get(windows + 1), environment));
        Optional<String> range = Optional.empty();
        if (bounded) {
            scalars.put("__ae_start", PluginExpansion.scalarArgument(arguments.get(2), environment));
            scalars.put("__ae_end", PluginExpansion.scalarArgument(arguments.get(3), environment));
            range = Optional.of(" | where " + time + " >= __ae_start and " + time + " <= __ae_end");
        }
        List<String> dimensions = PluginExpansion.columnNames(NAME, arguments.subList(windows + 2, arguments.size()), input, environment);
        String bin = bounded ? "bin_at(" + time + ", __ae_inner, __ae_start)" : "bin(" + time + ", __ae_inner)";
        String last = bounded ? "__ae_end" : "toscalar(" + PluginExpansion.INPUT + " | summarize max(bin(" + time + ", __ae_inner)))";
        List<String> by = new ArrayList<>();
        by.add(time + " = __ae_window");
        by.addAll(dimensions);
        List<String> output = new ArrayList<>(List.of(time, "dcount_activities_inner", "dcount_activities_outer", "activity_ratio"));
        output.addAll(dimensions);
        String kql = PluginExpansion.INPUT + range.orElse("")
                + " | extend __ae_bin = " + bin
                + " | extend __ae_windows = range(__ae_bin, __ae_bin + __ae_outer - __ae_inner, __ae_inner)"
                + " | mv-expand __ae_window = __ae_windows"
                + " | extend __ae_window = " + SlidingWindowCountsPlugin.conversion(input, timelineColumn) + "(__ae_window)"
                + " | where __ae_window <= " + last
                + " | summarize dcount_activities_inner = dcountif(" + id + ", __ae_window == __ae_bin), dcount_activities_outer = dcount(" + id
                + ") by " + String.join(", ", by)
                + " | extend activity_ratio = todouble(dcount_activities_inner) / todouble(dcount_activities_outer)"
                + " | project " + String.join(", ", output);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }

    /** Whether the argument is a value of no column (a window or a bound), as opposed to a dimension column. */
    private static boolean isScalar(Expression argument, Environment environment) {
        try {
            PluginExpansion.scalarArgument(argument, environment);
            return true;
        } catch (dev.vigil.kql.diagnostics.DiagnosticException e) {
            return false;
        }
    }
}
