package dev.vigil.server.console.analytics;

import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.rule.dryrun.DryRunResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the results simulation shows: how many alerts the rule would have raised over the window,
 * in how many of its runs, and the alerts' rows (the first {@value #MAX_ALERT_ROWS}).
 *
 * @param error why the rule could not be replayed
 */
public record DryRunView(Optional<String> error, String window, int alertCount, List<Run> runs, List<List<String>> alertRows) {
    static final int MAX_ALERT_ROWS = 50;
    public static final List<String> ALERT_COLUMNS = List.of("TimeGenerated", "AlertName", "AlertSeverity", "CompromisedEntity", "Entities");

    /** A run the rule would have made: its query window, how many results, and whether they raised alerts. */
    public record Run(String start, String end, long results, boolean triggered, int alerts) {
    }

    static DryRunView failed(String window, String error) {
        return new DryRunView(Optional.of(error), window, 0, List.of(), List.of());
    }

    static DryRunView of(String window, DryRunResult result) {
        List<Run> runs = result.runs().stream().map(run -> new Run(DisplayTime.format(run.queryStartTime()), DisplayTime.format(run.queryEndTime()),
                run.resultCount(), run.triggered(), run.alerts().size())).toList();
        List<List<String>> rows = result.runs().stream().flatMap(run -> run.alerts().stream()).limit(MAX_ALERT_ROWS)
                .map(DryRunView::alertRow).toList();
        return new DryRunView(Optional.empty(), window, result.alertCount(), runs, rows);
    }

    private static List<String> alertRow(Map<String, Object> alert) {
        return ALERT_COLUMNS.stream().map(column -> alert.get(column) == null ? "" : alert.get(column).toString()).toList();
    }

    public long triggeredRuns() {
        return runs.stream().filter(Run::triggered).count();
    }

    public boolean alertsCut() {
        return alertCount > alertRows.size();
    }
}
