package dev.vigil.soc.rule.evaluation;

import java.util.List;
import java.util.Map;

/**
 * What one run of a rule found.
 *
 * @param resultCount the rows the query returned
 * @param triggered whether the count passed the trigger (always, for a near-real-time rule with results)
 * @param alerts the {@code SecurityAlert} rows the run raises, in the table's column names
 * @param droppedResults results beyond the per-run alert limit that got no alert of their own
 */
public record Evaluation(long resultCount, boolean triggered, List<Map<String, Object>> alerts, int droppedResults) {
    public Evaluation {
        alerts = List.copyOf(alerts);
    }
}
