package dev.vigil.iot.alert;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One firing of a detector: what it saw and when (event time).
 *
 * @param triggerKey names what fired it (an event id, a window), so that the same firing seen
 *     twice, e.g. on a replay, counts once
 */
public record AlertOccurrence(
        AlertDefinition definition,
        String hubResourceId,
        String deviceId,
        Instant occurredAt,
        String triggerKey,
        Map<String, String> extendedProperties,
        List<AlertEntity> entities) {

    public AlertOccurrence {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(hubResourceId, "hubResourceId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(triggerKey, "triggerKey");
        extendedProperties = Collections.unmodifiableMap(new LinkedHashMap<>(extendedProperties));
        entities = List.copyOf(entities);
    }
}
