package dev.vigil.server.query;

import dev.vigil.kql.ObfuscatedStrings;
import dev.vigil.kql.TimeRange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code LAQueryLogs}: who ran which query on which workspace, and how it ended.
 * Columns Vigil has nothing for (Azure AD tenant, scanned data, CPU time, region) stay empty.
 *
 * @param queryId the query's id, {@code x-ms-request-id}; {@code CorrelationId} in the table
 * @param user the Vigil user; both {@code AADObjectId} and {@code AADEmail} in the table
 * @param credential the API key id, or {@code session} for the console; {@code AADClientId}
 * @param queryText the query, its obfuscated string literals ({@code h'…'}) masked
 * @param clientApp the request's {@code x-ms-app} header, else its {@code User-Agent}
 * @param timeRange the request's {@code timespan}, when it had a valid one
 * @param responseCode the HTTP status answered (200 also for a result cut at a limit)
 * @param rowCount rows returned
 */
public record QueryLogEntry(Instant timeGenerated, String workspace, String queryId, String user, String credential, String queryText,
                            Optional<TimeRange> timeRange, String clientApp, int responseCode, double durationMs, long rowCount) {
    public QueryLogEntry {
        Objects.requireNonNull(timeGenerated, "timeGenerated");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(timeRange, "timeRange");
        // as Kusto keeps them out of its traces: h'…' literals are recorded masked
        queryText = ObfuscatedStrings.masked(queryText);
    }

    /** The row as the ingestion path takes it. */
    Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", timeGenerated.toString());
        row.put("AADClientId", text(credential));
        row.put("AADEmail", text(user));
        row.put("AADObjectId", text(user));
        row.put("CorrelationId", text(queryId));
        row.put("IsBillableQuery", false);
        row.put("IsWorkspaceInFailover", false);
        row.put("QueryText", text(queryText));
        timeRange.ifPresent(range -> {
            row.put("QueryTimeRangeStart", range.start().toString());
            row.put("QueryTimeRangeEnd", range.end().toString());
        });
        row.put("RequestClientApp", text(clientApp));
        row.put("RequestContext", Map.of("workspaces", List.of(workspace)));
        row.put("RequestTarget", "/workspaces/" + workspace);
        row.put("ResponseCode", responseCode);
        row.put("ResponseDurationMs", durationMs);
        row.put("ResponseRowCount", rowCount);
        row.put("StatsWorkspaceCount", 1);
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
