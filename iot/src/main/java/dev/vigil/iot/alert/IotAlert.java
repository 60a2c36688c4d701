package dev.vigil.iot.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IoT alert as Defender for IoT raises it, in the shape the data connector turns into a
 * {@code SecurityAlert} row (ProductName "Azure Security Center for IoT").
 *
 * @param alertId stable and derived from hub, device, type and first occurrence, so a replay
 *     produces the same id; becomes {@code SystemAlertId}
 * @param hubResourceId the hub's ARM id; becomes {@code ResourceId}
 * @param alertType the type code, e.g. {@code IoT_BruteForceSucceeded}
 * @param extendedProperties the {@code ExtendedProperties} object, keys in Defender's spelling
 *     ({@code DeviceId}, {@code Full Source Address}...), values strings
 * @param count how many occurrences this alert stands for (repeats within the dedup window)
 * @param startTime the first occurrence (event time)
 * @param endTime the last occurrence (event time)
 * @param timeGenerated when the alert was first raised
 * @param lastModified when this version was made
 */
public record IotAlert(
        String alertId,
        String hubResourceId,
        String deviceId,
        String alertType,
        String displayName,
        String description,
        AlertSeverity severity,
        List<String> remediationSteps,
        Instant startTime,
        Instant endTime,
        Map<String, String> extendedProperties,
        List<AlertEntity> entities,
        long count,
        AlertStatus status,
        Instant timeGenerated,
        Instant lastModified) {

    public IotAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(hubResourceId, "hubResourceId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(status, "status");
        remediationSteps = List.copyOf(remediationSteps);
        extendedProperties = Collections.unmodifiableMap(new LinkedHashMap<>(extendedProperties));
        entities = List.copyOf(entities);
    }

    /** The {@code Entities} column. */
    public String entitiesJson() {
        return AlertEntity.toSentinelJson(entities);
    }

    IotAlert withRepeat(Instant occurredAt, Instant now) {
        Instant end = occurredAt.isAfter(endTime) ? occurredAt : endTime;
        return new IotAlert(alertId, hubResourceId, deviceId, alertType, displayName, description, severity,
                remediationSteps, startTime, end, extendedProperties, entities, count + 1, status, timeGenerated, now);
    }

    IotAlert withStatus(AlertStatus newStatus, Instant now) {
        return new IotAlert(alertId, hubResourceId, deviceId, alertType, displayName, description, severity,
                remediationSteps, startTime, endTime, extendedProperties, entities, count, newStatus, timeGenerated, now);
    }
}
