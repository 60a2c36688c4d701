package dev.vigil.server.console.incidents;

import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's open incidents by severity, as the home page and the incident queue count them.
 *
 * @param bySeverity counts by Sentinel's severity name; a severity with none is missing
 */
public record OpenIncidents(Map<String, Long> bySeverity) {
    /** From the latest SecurityIncident row of each incident: one query, not a scan of the queue. */
    static final String QUERY = "SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber"
            + " | where Status != 'Closed' | summarize n = count() by Severity";

    public OpenIncidents {
        bySeverity = Map.copyOf(bySeverity);
    }

    public static OpenIncidents in(LogStore logStore, String workspace) {
        Map<String, Long> counts = new HashMap<>();
        for (List<Object> row : logStore.query(workspace, QueryRequest.of(QUERY)).primary().rows()) {
            if (row.get(0) != null && row.get(1) instanceof Number n) {
                counts.merge(row.get(0).toString(), n.longValue(), Long::sum);
            }
        }
        return new OpenIncidents(counts);
    }

    public long of(IncidentSeverity severity) {
        return bySeverity.getOrDefault(severity.sentinelName(), 0L);
    }

    public long total() {
        return bySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
