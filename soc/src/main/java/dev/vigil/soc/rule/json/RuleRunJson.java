package dev.vigil.soc.rule.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.health.RuleRun;

/** A rule's last run as the API shows it, read-only, in {@code properties.lastRun}. */
public final class RuleRunJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleRunJson() {
    }

    /**
     * {@code {startTimeUtc, durationMs, status, message, resultCount, alertsGenerated, queryStartTimeUtc,
     * queryEndTimeUtc}}, and {@code incidentsCreated}, {@code incidentsUpdated} for a run that made incidents.
     */
    public static ObjectNode write(RuleRun run) {
        ObjectNode lastRun = JSON.createObjectNode();
        lastRun.put("startTimeUtc", run.startTime().toString());
        lastRun.put("durationMs", run.duration().toMillis());
        lastRun.put("status", run.status().name());
        lastRun.put("message", run.message().orElse(null));
        lastRun.put("resultCount", run.resultCount());
        lastRun.put("alertsGenerated", run.alertsGenerated());
        lastRun.put("queryStartTimeUtc", run.queryStart() == null ? null : run.queryStart().toString());
        lastRun.put("queryEndTimeUtc", run.queryEnd() == null ? null : run.queryEnd().toString());
        run.incidents().ifPresent(incidents -> {
            lastRun.put("incidentsCreated", incidents.created());
            lastRun.put("incidentsUpdated", incidents.updated());
        });
        return lastRun;
    }
}
