package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate funnel_sequence(Id, Timeline, Start, End, MaxSequenceStepWindow, Step, State, Sequence)}: where ids
 * came from before taking the sequence of states and where they went after it, as three result tables (so it can only
 * end a tabular statement, as {@code fork} does).
 *
 * <p>Each id's rows with the timeline in [Start, End) are taken in time order (rows of one time in the order of their
 * states' text), and consecutive rows of one state are one step of the id's path, from its first row to its last: the
 * path is the id's transitions between states. The sequence is taken where the path has its states one after the
 * other, each step beginning at most MaxSequenceStepWindow after the previous one ended. {@code prev} is the state of
 * the step before, and {@code next} the state of the step after, when that step is as near; else empty. The time
 * window is the bin (Step from Start) of the sequence's first row.
 *
 * <ol>
 *     <li>{@code Timeline, prev, next, dcount, samples}: per window and pair, the distinct ids that went prev → sequence → next;
 *     <li>{@code Timeline, prev, dcount, samples}: per window and prev;
 *     <li>{@code Timeline, next, dcount, samples}: per window and next.
 * </ol>
 * {@code samples} holds up to 128 of those ids, sorted; rows come by window, the largest dcount first.
 */
final class FunnelSequencePlugin {
    static final String NAME = "funnel_sequence";
    private static final int SAMPLES = 128;

    private FunnelSequencePlugin() {
    }

    static List<LogicalOperator> bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        List<Expression> arguments = evaluate.plugin().arguments();
        if (arguments.size() != 8) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(8)), evaluate.plugin().span());
        }
        String id = PluginExpansion.columnName(NAME, arguments.get(0), input, environment);
        String time = PluginExpansion.columnName(NAME, arguments.get(1), input, environment);
        String state = PluginExpansion.columnName(NAME, arguments.get(6), input, environment);
        List<String> sequence = PluginExpansion.sequence(NAME, arguments.get(7), environment);
        Map<String, BoundExpression> scalars = Map.of(
                "__fs_start", PluginExpansion.scalarArgument(arguments.get(2), environment),
                "__fs_end", PluginExpansion.scalarArgument(arguments.get(3), environment),
                "__fs_gap", PluginExpansion.scalarArgument(arguments.get(4), environment),
                "__fs_bin", PluginExpansion.scalarArgument(arguments.get(5), environment));
        String occurrences = occurrences(id, time, state, sequence);
        String counts = "['dcount'] = dcount(__fs_id), samples = array_sort_asc(make_set(__fs_id, " + SAMPLES + "))";
        List<String> tables = List.of(
                occurrences + " | summarize " + counts + " by " + time + " = __fs_window, ['prev'] = __fs_prev, ['next'] = __fs_next"
                        + " | sort by " + time + " asc, ['dcount'] desc, ['prev'] asc, ['next'] asc",
                occurrences + " | summarize " + counts + " by " + time + " = __fs_window, ['prev'] = __fs_prev"
                        + " | sort by " + time + " asc, ['dcount'] desc, ['prev'] asc",
                occurrences + " | summarize " + counts + " by " + time + " = __fs_window, ['next'] = __fs_next"
                        + " | sort by " + time + " asc, ['dcount'] desc, ['next'] asc");
        List<LogicalOperator> plans = new ArrayList<>();
        for (String table : tables) {
            plans.add(PluginExpansion.expand(NAME, table, input, scalars, environment, evaluate.plugin().span()));
        }
        return plans;
    }

    /** Each time an id took the sequence: the id, the window of its first row, and the states before and after ("" for none). */
    private static String occurrences(String id, String time, String state, List<String> sequence) {
        int n = sequence.size();
        // the steps: runs of one state in an id's rows, numbered in order across ids (so an id's steps are consecutive)
        String steps = PluginExpansion.INPUT + " | where " + time + " >= __fs_start and " + time + " < __fs_end"
                + " | project __fs_id = " + id + ", __fs_t = " + time + ", __fs_s = tostring(" + state + ")"
                + " | where isnotnull(__fs_id)"
                + " | sort by __fs_id asc, __fs_t asc, __fs_s asc"
                + " | extend __fs_begins = iff(row_number() == 1 or __fs_id != prev(__fs_id) or __fs_s != prev(__fs_s), 1, 0)"
                + " | extend __fs_step = row_cumsum(__fs_begins)"
                + " | summarize __fs_first = min(__fs_t), __fs_last = max(__fs_t) by __fs_id, __fs_step, __fs_s"
                + " | sort by __fs_step asc";
        List<String> match = new ArrayList<>();
        match.add("__fs_s == " + PluginExpansion.string(sequence.get(0)));
        for (int k = 1; k < n; k++) {
            match.add(ahead("__fs_s", k) + " == " + PluginExpansion.string(sequence.get(k)));
            match.add(ahead("__fs_id", k) + " == __fs_id");
            match.add(ahead("__fs_first", k) + " - " + ahead("__fs_last", k - 1) + " <= __fs_gap");
        }
        String before = "iff(prev(__fs_id) == __fs_id and __fs_first - prev(__fs_last) <= __fs_gap, prev(__fs_s), \"\")";
        String after = "iff(" + ahead("__fs_id", n) + " == __fs_id and " + ahead("__fs_first", n) + " - " + ahead("__fs_last", n - 1)
                + " <= __fs_gap, " + ahead("__fs_s", n) + ", \"\")";
        return steps + " | extend __fs_match = " + String.join(" and ", match) + ", __fs_prev = " + before + ", __fs_next = " + after
                + " | where __fs_match"
                + " | project __fs_id, __fs_window = bin_at(__fs_first, __fs_bin, __fs_start), __fs_prev, __fs_next";
    }

    /** The column's value {@code k} steps further on (this step's for 0). */
    private static String ahead(String column, int k) {
        return k == 0 ? column : "next(" + column + ", " + k + ")";
    }
}
