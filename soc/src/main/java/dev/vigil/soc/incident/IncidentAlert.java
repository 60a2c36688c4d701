package dev.vigil.soc.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert of an incident as the incident keeps it: the {@code SecurityAlert} columns that show
 * in the incident's alert list and feed its activity times, products, tactics and entities.
 *
 * @param entities the alert's {@code Entities}, each a JSON object as Sentinel writes it
 */
public record IncidentAlert(String systemAlertId, String displayName, IncidentSeverity alertSeverity, String status, String productName,
        String providerName, Instant startTime, Instant endTime, List<String> tactics, List<String> techniques,
        List<Map<String, Object>> entities) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public IncidentAlert {
        if (systemAlertId == null || systemAlertId.isBlank()) {
            throw new InvalidIncidentException("an incident's alert needs a 'SystemAlertId'");
        }
        displayName = Objects.requireNonNullElse(displayName, "");
        Objects.requireNonNull(alertSeverity, "alertSeverity");
        status = Objects.requireNonNullElse(status, "");
        productName = Objects.requireNonNullElse(productName, "");
        providerName = Objects.requireNonNullElse(providerName, "");
        Objects.requireNonNull(startTime, "startTime");
        endTime = endTime == null || endTime.isBefore(startTime) ? startTime : endTime;
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
        entities = List.copyOf(entities);
    }

    /**
     * The alert of one {@code SecurityAlert} row, as a query returns it (column name to value,
     * datetimes as ISO text, {@code Entities} and {@code Techniques} as JSON text, {@code Tactics}
     * comma-separated).
     */
    public static IncidentAlert fromSecurityAlert(Map<String, Object> row) {
        String id = text(row, "SystemAlertId");
        Instant start = time(row, "StartTime").or(() -> time(row, "TimeGenerated"))
                .orElseThrow(() -> new InvalidIncidentException("alert '" + id + "' has neither 'StartTime' nor 'TimeGenerated'"));
        String severity = text(row, "AlertSeverity");
        return new IncidentAlert(id, text(row, "DisplayName").isEmpty() ? text(row, "AlertName") : text(row, "DisplayName"),
                severity.isEmpty() ? IncidentSeverity.INFORMATIONAL : IncidentSeverity.named(severity), text(row, "Status"),
                text(row, "ProductName"), text(row, "ProviderName"), start, time(row, "EndTime").orElse(start),
                list(text(row, "Tactics")), list(text(row, "Techniques")), entities(id, row.get("Entities")));
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }

    private static Optional<Instant> time(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value instanceof Instant instant) {
            return Optional.of(instant);
        }
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            throw new InvalidIncidentException("'" + column + "' of an alert is not an ISO 8601 datetime: '" + value + "'");
        }
    }

    /** A JSON array of strings, or a comma-separated list as Sentinel writes {@code Tactics}. */
    private static List<String> list(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            try {
                return JSON.readValue(trimmed, new TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                // not a JSON list after all: read as comma-separated
            }
        }
        return Arrays.stream(trimmed.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entities(String alertId, Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(text, new TypeReference<List<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            throw new InvalidIncidentException("'Entities' of alert '" + alertId + "' is not a JSON array of objects");
        }
    }
}
