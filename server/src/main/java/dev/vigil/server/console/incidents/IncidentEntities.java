package dev.vigil.server.console.incidents;

import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.access.Scope;
import dev.vigil.server.console.ConsoleUser;
import dev.vigil.server.console.layout.DisplayTime;
import dev.vigil.soc.incident.Incident;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.WorkspaceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An incident's entities as its page lists them. An IoT device is looked up in the registry: its hub, whether it is
 * enabled, when its last message was stored and its other alerts, shown to those who hold a role on its subscription.
 */
public final class IncidentEntities {
    static final int OTHER_ALERTS = 10;
    private static final String RAW_EVENTS = "SecurityIoTRawEvent";

    private final IotRegistry registry;
    private final IotAlerts alerts;
    private final LogStore logStore;

    IncidentEntities(IotRegistry registry, IotAlerts alerts, LogStore logStore) {
        this.registry = registry;
        this.alerts = alerts;
        this.logStore = logStore;
    }

    /** An entity: its type, its identifying properties as text, and for an IoT device what the registry knows. */
    public record Row(String type, String summary, Optional<DeviceDetails> device) {
    }

    /**
     * @param hidden why the registry's details are not shown (no role on the subscription, device deleted), else empty
     */
    public record DeviceDetails(String hub, String subscription, String deviceId, String state, String lastSeen, List<OtherAlert> otherAlerts,
            String hidden) {
    }

    public record OtherAlert(String name, String severity, String status, String time) {
    }

    List<Row> of(Incident incident, ConsoleUser user) {
        Set<String> ownAlerts = Set.copyOf(incident.alertIds());
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> entity : incident.entities()) {
            String type = String.valueOf(entity.getOrDefault("Type", "unknown"));
            Optional<DeviceDetails> device = type.equalsIgnoreCase("iotdevice") ? Optional.of(device(entity, user, ownAlerts)) : Optional.empty();
            rows.add(new Row(type, summary(entity), device));
        }
        return rows;
    }

    /** The entity's plain properties ({@code Address: 10.0.0.1}); nested entities show by their own first property. */
    private static String summary(Map<String, Object> entity) {
        return entity.entrySet().stream().filter(e -> !e.getKey().equals("Type") && !e.getKey().startsWith("$") && e.getValue() != null)
                .map(e -> e.getKey() + ": " + (e.getValue() instanceof Map<?, ?> nested ? nestedName(nested) : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String nestedName(Map<?, ?> nested) {
        return nested.entrySet().stream().filter(e -> !"Type".equals(e.getKey()) && !String.valueOf(e.getKey()).startsWith("$"))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElse("");
    }

    private DeviceDetails device(Map<String, Object> entity, ConsoleUser user, Set<String> ownAlerts) {
        String deviceId = String.valueOf(entity.getOrDefault("DeviceId", ""));
        String hubId = entity.get("IoTHub") instanceof Map<?, ?> hub ? String.valueOf(hub.get("ResourceId")) : "";
        String subscription = IotAlerts.subscriptionOf(hubId);
        String hubName = hubId.substring(hubId.lastIndexOf('/') + 1);
        if (subscription.isEmpty() || !user.canSee(Scope.subscription(subscription))) {
            return new DeviceDetails(hubName, subscription, deviceId, "", "", List.of(), subscription.isEmpty()
                    ? "The entity names no hub of a subscription." : "Hub and device details need a role on subscription '" + subscription + "'.");
        }
        Optional<IotHub> hub = registry.findHub(hubName).filter(h -> h.resourceId().equalsIgnoreCase(hubId));
        Optional<Device> device = hub.flatMap(h -> registry.findDevice(h.name(), deviceId));
        if (device.isEmpty()) {
            return new DeviceDetails(hubName, subscription, deviceId, "", "", List.of(), "The device is no longer registered on hub '" + hubName + "'.");
        }
        List<OtherAlert> others = alerts.page(subscription, alert -> alert.deviceId().equals(deviceId) && alert.hubResourceId().equalsIgnoreCase(hubId)
                && !ownAlerts.contains(alert.alertId()), OTHER_ALERTS, Optional.empty()).alerts().stream().map(IncidentEntities::otherAlert).toList();
        return new DeviceDetails(hubName, subscription, deviceId, device.get().enabled() ? "Enabled" : "Disabled",
                lastSeen(hub.get(), deviceId, user), others, "");
    }

    private static OtherAlert otherAlert(IotAlert alert) {
        return new OtherAlert(alert.displayName(), alert.severity().sentinelName(), alert.status().sentinelName(), DisplayTime.format(alert.startTime()));
    }

    /** When the device's latest security message was stored, from the raw events its hub keeps in its workspace. */
    private String lastSeen(IotHub hub, String deviceId, ConsoleUser user) {
        String workspace = hub.security().workspace();
        if (!hub.security().storesRawEvents() || !user.canSee(Scope.workspace(workspace))) {
            return "Not known (the hub keeps no raw events you may read)";
        }
        String query = RAW_EVENTS + " | where DeviceId == " + QueryLiterals.string(deviceId) + " and AssociatedResourceId =~ "
                + QueryLiterals.string(hub.resourceId()) + " | summarize max(TimeGenerated)";
        try {
            List<List<Object>> rows = logStore.query(workspace, QueryRequest.of(query)).primary().rows();
            // a datetime comes back as ISO text
            return rows.isEmpty() || rows.get(0).get(0) == null ? "No message yet" : DisplayTime.format(Instant.parse(rows.get(0).get(0).toString()));
        } catch (WorkspaceException e) {
            // the table appears with the hub's first stored event
            return "No message yet";
        }
    }
}
