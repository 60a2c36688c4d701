package dev.vigil.iot.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event of a security message (schema 1.0), after validation.
 *
 * @param category {@code Periodic}, {@code Triggered} or {@code Aggregated}
 * @param name e.g. {@code ProcessCreate}, {@code Login}, {@code ConnectionCreate}
 * @param eventType {@code Security}, {@code Operational} or {@code Diagnostic}
 * @param payload the payload items as JSON decodes them (String, Number, Boolean, Map, List)
 */
public record SecurityEvent(
        String id,
        String timestampLocal,
        Instant timestampUtc,
        String category,
        String name,
        String eventType,
        boolean isEmpty,
        String payloadSchemaVersion,
        List<Map<String, Object>> payload) {

    public SecurityEvent {
        payload = List.copyOf(payload);
    }
}
