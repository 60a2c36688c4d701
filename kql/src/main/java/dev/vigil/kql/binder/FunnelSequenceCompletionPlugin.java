package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code evaluate funnel_sequence_completion(Id, Timeline, Start, End, BinSize, State, Sequence, MaxSequenceStepPeriods)}:
 * per window of the timeline (from Start, before End), per state of the sequence and per period, the distinct ids that
 * went through the sequence's states in order up to that one, each step no earlier than the one before and the last at
 * most the period after the first (whose row is in the window).
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
        List<String> sequence = new ArrayList<>();
        for (BoundLiteral step : constantArray(arguments.get(6), environment)) {
            if (step.value().isEmpty() || step.type() != KqlType.STRING) {
                throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "an array of state strings"), arguments.get(6).span());
            }
            sequence.add((String) step.value().get());
        }
        if (sequence.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "a sequence of one state at least"), arguments.get(6).span());
        }
        BoundExpression periods = PluginExpansion.scalarArgument(arguments.get(7), environment);
        if (periods.type() != KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "a dynamic array of periods"), arguments.get(7).span());
        }
        KqlType timelineType = input.schema().stream().filter(c -> c.name().equals(timelineColumn)).findFirst().orElseThrow().type();
        String periodConversion = timelineType == KqlType.DATETIME ? "totimespan" : SlidingWindowCountsPlugin.conversion(input, timelineColumn);
        Map<String, BoundExpression> scalars = Map.of(
                "__fsc_start", PluginExpansion.scalarArgument(arguments.get(2), environment),
                "__fsc_end", PluginExpansion.scalarArgument(arguments.get(3), environment),
                "__fsc_bin", PluginExpansion.scalarArgument(arguments.get(4), environment),
                "__fsc_periods", periods);
        List<String> levels = new ArrayList<>();
        String chain = PluginExpansion.INPUT + " | where " + time + " >= __fsc_start and " + time + " < __fsc_end and " + state + " == "
                + PluginExpansion.string(sequence.get(0)) + " | project __fsc_id = " + id + ", __fsc_window = bin_at(" + time
                + ", __fsc_bin, __fsc_start), __fsc_t1 = " + time + ", __fsc_t = " + time;
        for (int k = 1; k <= sequence.size(); k++) {
            if (k > 1) {
                chain = chain + " | join kind=inner (" + PluginExpansion.INPUT + " | where " + state + " == " + PluginExpansion.string(sequence.get(k - 1))
                        + " | project __fsc_id = " + id + ", __fsc_next = " + time + ") on __fsc_id"
                        + " | where __fsc_next >= __fsc_t | project __fsc_id, __fsc_window, __fsc_t1, __fsc_t = __fsc_next";
            }
            levels.add("(" + chain + " | extend __fsc_period = __fsc_periods | mv-expand __fsc_period"
                    + " | extend __fsc_period = " + periodConversion + "(__fsc_period)"
                    + " | where __fsc_t - __fsc_t1 <= __fsc_period"
                    + " | summarize ['dcount'] = dcount(__fsc_id) by " + time + " = __fsc_window, " + state + " = "
                    + PluginExpansion.string(sequence.get(k - 1)) + ", Period = __fsc_period)");
        }
        String kql = "union " + String.join(", ", levels);
        return PluginExpansion.expand(NAME, kql, input, scalars, environment, evaluate.plugin().span());
    }

    private static List<BoundLiteral> constantArray(Expression argument, Environment environment) {
        BoundExpression value = PluginExpansion.scalarArgument(argument, environment);
        Optional<List<BoundLiteral>> elements = value instanceof BoundLiteral literal && literal.type() == KqlType.DYNAMIC
                && literal.value().isPresent() ? ConstantArrays.elements((String) literal.value().get()) : Optional.empty();
        return elements.orElseThrow(() -> new DiagnosticException(DiagnosticFacts.pluginArgument(NAME, "a constant array"), argument.span()));
    }
}
