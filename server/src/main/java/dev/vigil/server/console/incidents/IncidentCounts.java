package dev.vigil.server.console.incidents;

import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's incidents counted as the queue's tiles show them: open ones by severity, all by status.
 *
 * @param openBySeverity counts of New and Active incidents by Sentinel's severity name; a severity with none is missing
 * @param byStatus counts of all incidents by status name
 */
record IncidentCounts(Map<String, Long> openBySeverity, Map<String, Long> byStatus) {
    /** From the latest SecurityIncident row of each incident: one query, not a scan of the incidents. */
    static final String QUERY = "SecurityIncident | summarize arg_max(TimeGenerated, *) by IncidentNumber | summarize n = count() by Severity, Status";

    IncidentCounts {
        openBySeverity = Map.copyOf(openBySeverity);
        byStatus = Map.copyOf(byStatus);
    }

    static IncidentCounts in(LogStore logStore, String workspace) {
        Map<String, Long> bySeverity = new HashMap<>();
        Map<String, Long> byStatus = new HashMap<>();
        for (List<Object> row : logStore.query(workspace, QueryRequest.of(QUERY)).primary().rows()) {
            if (row.get(0) == null || row.get(1) == null || !(row.get(2) instanceof Number n)) {
                continue;
            }
            String status = row.get(1).toString();
            byStatus.merge(status, n.longValue(), Long::sum);
            if (!status.equals("Closed")) {
                bySeverity.merge(row.get(0).toString(), n.longValue(), Long::sum);
            }
        }
        return new IncidentCounts(bySeverity, byStatus);
    }

    long open() {
        return openBySeverity.values().stream().mapToLong(Long::longValue).sum();
    }
}
