package dev.vigil.iot.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.message.InvalidSecurityMessageException;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.LogStore;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@code SecurityIoTRawEvent} rows, one per event, with every column of the reference filled. */
final class RawEventRows {
    static final String TABLE = "SecurityIoTRawEvent";
    /** The {@code RawEventName} of the operational row that records a dropped security message. */
    static final String DROPPED_MESSAGE_EVENT = "InvalidSecurityMessage";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawEventRows() {
    }

    /** The workspaces that monitored hubs store raw events in, and that exist. */
    static Set<String> workspaces(IotRegistry registry, LogStore logStore) {
        Set<String> workspaces = new LinkedHashSet<>();
        for (IotHub hub : registry.allHubs()) {
            if (hub.security().monitoringEnabled() && hub.security().storesRawEvents()) {
                workspaces.add(hub.security().workspace());
            }
        }
        workspaces.retainAll(logStore.workspaces());
        return workspaces;
    }

    static List<Map<String, Object>> of(DeviceIdentity device, SecurityMessage message, Instant receivedAt) {
        return message.events().stream().map(event -> row(device, message.agentVersion(), event, receivedAt)).toList();
    }

    /** An operational row telling that a security message was dropped and why. */
    static Map<String, Object> droppedMessage(DeviceIdentity device, InvalidSecurityMessageException error, String protocol, Instant receivedAt) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("Error", error.getMessage());
        details.put("Path", error.path());
        details.put("Rule", error.rule());
        details.put("Protocol", protocol);
        Map<String, Object> row = common(device, "", receivedAt);
        row.put("IoTRawEventId", UUID.randomUUID().toString());
        row.put("RawEventCategory", "Triggered");
        row.put("RawEventName", DROPPED_MESSAGE_EVENT);
        row.put("RawEventType", "Operational");
        row.put("EventDetails", json(List.of(details)));
        row.put("IsEmpty", false);
        row.put("TimeStamp", receivedAt.toString());
        return row;
    }

    private static Map<String, Object> row(DeviceIdentity device, String agentVersion, SecurityEvent event, Instant receivedAt) {
        Map<String, Object> row = common(device, agentVersion, receivedAt);
        row.put("IoTRawEventId", event.id());
        row.put("RawEventCategory", event.category());
        row.put("RawEventName", event.name());
        row.put("RawEventType", event.eventType());
        row.put("EventDetails", json(event.payload()));
        row.put("IsEmpty", event.isEmpty());
        row.put("TimeStamp", event.timestampUtc().toString());
        return row;
    }

    private static Map<String, Object> common(DeviceIdentity device, String agentVersion, Instant receivedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", receivedAt.toString());
        row.put("AssociatedResourceId", device.hubResourceId());
        row.put("AzureSubscriptionId", device.subscriptionId());
        row.put("DeviceId", device.deviceId());
        row.put("AgentVersion", agentVersion);
        return row;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
