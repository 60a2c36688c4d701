package dev.vigil.iot.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.detection.DetectionHistory;
import dev.vigil.iot.detection.LastMessage;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Detection's history in Vigil's own stores: last message times as state documents, and the
 * security events of every workspace that monitored hubs store raw events in, read back from
 * {@code SecurityIoTRawEvent} with KQL.
 */
public final class StoredDetectionHistory implements DetectionHistory {
    static final String LAST_MESSAGES = "iot-detection-last-message";
    private static final TypeReference<List<Map<String, Object>>> PAYLOAD = new TypeReference<>() {
    };
    private static final String COLUMNS = "AssociatedResourceId, DeviceId, AgentVersion, IoTRawEventId, RawEventCategory, RawEventName, "
            + "RawEventType, EventDetails, IsEmpty, TimeStamp, TimeGenerated";

    private final LogStore logStore;
    private final StateStore stateStore;
    private final DocumentCollection<LastMessage> lastMessages;
    private final IotRegistry registry;
    private final ObjectMapper json = new ObjectMapper();

    public StoredDetectionHistory(LogStore logStore, StateStore stateStore, IotRegistry registry) {
        this.logStore = logStore;
        this.stateStore = stateStore;
        this.lastMessages = stateStore.collection(LAST_MESSAGES, LastMessage.class);
        this.registry = registry;
    }

    @Override
    public List<LastMessage> lastMessages() {
        return lastMessages.list();
    }

    @Override
    public void saveLastMessages(List<LastMessage> changed) {
        if (!changed.isEmpty()) {
            stateStore.transaction(() -> changed.forEach(last -> lastMessages.put(key(last.device()), last)));
        }
    }

    @Override
    public void forgetLastMessages(List<DeviceIdentity> devices) {
        if (!devices.isEmpty()) {
            stateStore.transaction(() -> devices.forEach(device -> lastMessages.delete(key(device))));
        }
    }

    @Override
    public void replay(List<String> eventNames, Instant since, BiConsumer<DeviceIdentity, SecurityMessage> each) {
        read(filter(eventNames, since) + " | order by TimeGenerated asc, TimeStamp asc | project " + COLUMNS, each);
    }

    @Override
    public void replayNewest(List<String> eventNames, Instant since, BiConsumer<DeviceIdentity, SecurityMessage> each) {
        read(filter(eventNames, since) + " | summarize arg_max(TimeGenerated, *) by AssociatedResourceId, DeviceId, RawEventName"
                + " | order by TimeGenerated asc | project " + COLUMNS, each);
    }

    private static String filter(List<String> eventNames, Instant since) {
        String names = eventNames.stream().map(QueryLiterals::string).collect(Collectors.joining(", "));
        return RawEventRows.TABLE + " | where TimeGenerated >= " + QueryLiterals.datetime(since)
                + " and RawEventType == " + QueryLiterals.string("Security") + " and RawEventName in (" + names + ")";
    }

    /** Runs the query on every workspace a monitored hub stores raw events in; consecutive rows of one message become one message. */
    private void read(String query, BiConsumer<DeviceIdentity, SecurityMessage> each) {
        for (String workspace : RawEventRows.workspaces(registry, logStore)) {
            ResultTable rows = logStore.query(workspace, QueryRequest.of(query)).primary();
            List<SecurityEvent> events = new ArrayList<>();
            List<Object> current = null;
            DeviceIdentity device = null;
            String agentVersion = "";
            for (List<Object> row : rows.rows()) {
                List<Object> message = List.of(row.get(0), row.get(1), row.get(10));
                if (!message.equals(current)) {
                    if (device != null && !events.isEmpty()) {
                        each.accept(device, new SecurityMessage(agentVersion, "", "1.0", events));
                    }
                    events = new ArrayList<>();
                    current = message;
                    device = identity(text(row.get(0)), text(row.get(1))).orElse(null);
                    agentVersion = text(row.get(2));
                }
                events.add(event(row));
            }
            if (device != null && !events.isEmpty()) {
                each.accept(device, new SecurityMessage(agentVersion, "", "1.0", events));
            }
        }
    }

    /** The device as the registry knows it now; empty when its hub or itself was deleted since. */
    private Optional<DeviceIdentity> identity(String hubResourceId, String deviceId) {
        String hubName = hubResourceId.substring(hubResourceId.lastIndexOf('/') + 1);
        return registry.findHub(hubName)
                .filter(hub -> hub.resourceId().equalsIgnoreCase(hubResourceId))
                .flatMap(hub -> registry.findDevice(hub.name(), deviceId).map(device -> registry.identity(hub, device)));
    }

    private SecurityEvent event(List<Object> row) {
        List<Map<String, Object>> payload;
        try {
            payload = json.readValue(text(row.get(7)), PAYLOAD);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored EventDetails of raw event " + row.get(3) + " are not a JSON array", e);
        }
        Instant timestamp = Instant.parse(text(row.get(9)));
        return new SecurityEvent(text(row.get(3)), timestamp.toString(), timestamp, text(row.get(4)), text(row.get(5)), text(row.get(6)),
                Boolean.TRUE.equals(row.get(8)), "1.0", payload);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String key(DeviceIdentity device) {
        return device.hubResourceId().toLowerCase(Locale.ROOT) + "|" + device.deviceId();
    }
}
