package dev.vigil.server.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One row of the {@code VigilAudit} table: who did what, when, from where, and how it ended.
 * Strings are empty rather than null where a value does not apply, as in every log table.
 *
 * @param workspaces the workspaces the event concerns, if any; the row is also written to each
 */
public record AuditEvent(
        Instant timeGenerated,
        String operationName,
        String category,
        String caller,
        String authenticationMethod,
        String apiKeyId,
        String callerIpAddress,
        String httpMethod,
        String requestPath,
        String scope,
        int statusCode,
        Outcome outcome,
        String errorCode,
        String resultDescription,
        double durationMs,
        UUID correlationId,
        Map<String, Object> properties,
        Set<String> workspaces) {

    public enum Outcome {
        Succeeded, Failed, Denied
    }

    public AuditEvent {
        Objects.requireNonNull(timeGenerated, "timeGenerated");
        Objects.requireNonNull(outcome, "outcome");
        properties = Map.copyOf(properties);
        workspaces = Set.copyOf(workspaces);
    }

    /** The row as the ingestion path takes it. */
    Map<String, Object> toRow() {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("TimeGenerated", timeGenerated.toString());
        row.put("OperationName", text(operationName));
        row.put("Category", text(category));
        row.put("Caller", text(caller));
        row.put("AuthenticationMethod", text(authenticationMethod));
        row.put("ApiKeyId", text(apiKeyId));
        row.put("CallerIpAddress", text(callerIpAddress));
        row.put("HttpMethod", text(httpMethod));
        row.put("RequestPath", text(requestPath));
        row.put("Scope", text(scope));
        row.put("StatusCode", statusCode);
        row.put("Outcome", outcome.name());
        row.put("ErrorCode", text(errorCode));
        row.put("ResultDescription", text(resultDescription));
        row.put("DurationMs", durationMs);
        row.put("CorrelationId", correlationId.toString());
        row.put("Properties", properties);
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
