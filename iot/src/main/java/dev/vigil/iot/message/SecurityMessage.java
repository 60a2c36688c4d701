package dev.vigil.iot.message;

import java.util.List;

/** A validated security message as a device agent sends it (schema 1.0). */
public record SecurityMessage(String agentVersion, String agentId, String messageSchemaVersion, List<SecurityEvent> events) {
    public SecurityMessage {
        events = List.copyOf(events);
    }
}
