package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate funnel_sequence_completion(Id, Timeline, Start, End, BinSize, State, Sequence, MaxSequenceStepPeriods)}:
 * a funnel per window of the timeline (each BinSize from Start, before End) and per period, with a row for every state
 * of the sequence: the distinct ids that went through the sequence's states in order up to that one, each step no
 * earlier than the one before and the last at most the period after the first (whose row is in the window). A state
 * no id reached counts 0. Rows come by window, then period (in the array's order), then state (in the sequence's).
 *
 * <p>Each id's first-state row is followed step by step to the earliest row of the next state at or after it: the
 * earliest chain reaches every step soonest, so it is the one to test against a period, and the work stays one row per
 * first-state row and step, whatever the number of later rows.
 */
final class FunnelSequenceCompletionPlugin {
    static final String NAME = "funnel_sequence_completion";

    private FunnelSequenceCompletionPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = evaluate.plugin().arguments();
        if (arguments.size() != 8) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(8)), evaluate.plugin().span());
        }
        String id = PluginExpansion.columnName(NAME, arguments.get(0), input, environment);
        String timelineColumn = PluginExpansion.columnArgument(NAME, arguments.get(1), input, environment);
        String time = PluginExpansion.name(timelineColumn);
        String stateColumn = PluginExpansion.columnArgument(NAME, arguments.get(5), input, environment);
        String state = PluginExpansion.name(stateColumn);
        List<String> sequence = PluginExpansion.sequence(NAME, arguments.get(6), environment);
        BoundExpression periods = PluginExpansion.scalarArgument(arguments.get(7), environment);
        if (periods.type() != KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "a dynamic array of periods"), arguments.get(7).span());
        }
        KqlType timelineType = input.schema().stream().filter(c -> c.name().equals(timelineColumn)).findFirst().orElseThrow().type();
        String timeConversion = SlidingWindowCountsPlugin.conversion(input, timelineColumn);
        String periodConversion = timelineType == KqlType.DATETIME ? "totimespan" : timeConversion;
        Map<String, BoundExpression> scalars = Map.of(
                "__fsc_start", PluginExpansion.scalarArgument(arguments.get(2), environment),
                "__fsc_end", PluginExpansion.scalarArgument(arguments.get(3), environment),
                "__fsc_bin", PluginExpansion.scalarArgument(arguments.get(4), environment),
                "__fsc_periods", periods);
        List<String> levels = new ArrayList<>();
        String reached = PluginExpansion.INPUT + " | where " + time + " >= __fsc_start and " + time + " < __fsc_end and " + state + " == "
                + PluginExpansion.string(sequence.get(0)) + " | project __fsc_id = " + id + ", __fsc_window = bin_at(" + time
                + ", __fsc_bin, __fsc_start), __fsc_t1 = " + time + ", __fsc_t = " + time;
        for (int k = 0; k < sequence.size(); k++) {
            if (k > 0) {
                reached = reached + " | join kind=inner (" + PluginExpansion.INPUT + " | where " + state + " == "
                        + PluginExpansion.string(sequence.get(k)) + " | project __fsc_id = " + id + ", __fsc_next = " + time + ") on __fsc_id"
                        + " | where __fsc_next >= __fsc_t | summarize __fsc_t = min(__fsc_next) by __fsc_id, __fsc_window, __fsc_t1";
            }
            levels.add("(" + reached + " | extend __fsc_period = __fsc_periods | mv-expand with_itemindex = __fsc_pi __fsc_period"
                    + " | where __fsc_t - __fsc_t1 <= " + periodConversion + "(__fsc_period)"
                    + " | extend __fsc_step = tolong(" + k + ")"
                    + " | summarize __fsc_dcount = dcount(__fsc_id) by __fsc_w = __fsc_window, __fsc_pi, __fsc_step)");
        }
        List<String> states = sequence.stream().map(PluginExpansion::string).toList();
        // every window of the range, period and state, so that a step no id reached reads 0
        String kql = "range __fsc_w from __fsc_start to __fsc_end step __fsc_bin | where __fsc_w < __fsc_end"
                + " | extend __fsc_period = __fsc_periods | mv-expand with_itemindex = __fsc_pi __fsc_period"
                + " | extend __fsc_state = pack_array(" + String.join(", ", states) + ")"
                + " | mv-expand with_itemindex = __fsc_step __fsc_state to typeof(string)"
                + " | join kind=leftouter (union " + String.join(", ", levels) + ") on __fsc_w, __fsc_pi, __fsc_step"
                + " | sort by __fsc_w asc, __fsc_pi asc, __fsc_step asc"
                + " | project " + time + " = " + timeConversion + "(__fsc_w), " + state + " = __fsc_state, Period = "
                + periodConversion + "(__fsc_period), ['dcount'] = coalesce(__fsc_dcount, tolong(0))";
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }
}
