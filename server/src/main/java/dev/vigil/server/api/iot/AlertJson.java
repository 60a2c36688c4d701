package dev.vigil.server.api.iot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.alert.AlertVersion;
import dev.vigil.iot.alert.IotAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IoT alert as the API shows it, with Sentinel's spellings: severity {@code High}, status
 * {@code InProgress}, {@code entities} as the {@code Entities} column's JSON with {@code $id}s.
 */
record AlertJson(
        String alertId,
        String resourceId,
        String deviceId,
        String alertType,
        String displayName,
        String description,
        String severity,
        List<String> remediationSteps,
        Instant startTime,
        Instant endTime,
        Map<String, String> extendedProperties,
        JsonNode entities,
        long count,
        String status,
        Instant timeGenerated,
        Instant lastModified) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AlertJson of(IotAlert alert) {
        return new AlertJson(alert.alertId(), alert.hubResourceId(), alert.deviceId(), alert.alertType(), alert.displayName(),
                alert.description(), alert.severity().sentinelName(), alert.remediationSteps(), alert.startTime(), alert.endTime(),
                alert.extendedProperties(), entities(alert), alert.count(), alert.status().sentinelName(), alert.timeGenerated(),
                alert.lastModified());
    }

    private static JsonNode entities(IotAlert alert) {
        try {
            return JSON.readTree(alert.entitiesJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the entities of alert '" + alert.alertId() + "' are not JSON", e);
        }
    }

    /** One entry of the alert feed. */
    record Version(long sequence, Instant changedAt, String changeKind, AlertJson alert) {
        static Version of(AlertVersion version) {
            return new Version(version.sequence(), version.changedAt(), version.changeKind().name(), AlertJson.of(version.alert()));
        }
    }

    /** A page of alerts; {@code nextLink} is present when there are more. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<AlertJson> value, String nextLink) {
    }

    /** Feed entries after a cursor; the consumer passes {@code nextCursor} as {@code after} next time. */
    record FeedPage(List<Version> value, long nextCursor, long lastSequence) {
    }

    /** The body of a status change. */
    record StatusBody(String status) {
    }
}
