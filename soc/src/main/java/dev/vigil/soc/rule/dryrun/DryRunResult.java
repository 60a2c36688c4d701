package dev.vigil.soc.rule.dryrun;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a rule would have done over a past window: each run it would have made and the alerts it would have raised. */
public record DryRunResult(List<Run> runs) {
    public DryRunResult {
        runs = List.copyOf(runs);
    }

    public int alertCount() {
        return runs.stream().mapToInt(run -> run.alerts().size()).sum();
    }

    /**
     * @param alerts the {@code SecurityAlert} rows the run would have written (suppression aside)
     */
    public record Run(Instant queryStartTime, Instant queryEndTime, long resultCount, boolean triggered, List<Map<String, Object>> alerts) {
        public Run {
            alerts = List.copyOf(alerts);
        }
    }
}
