package dev.vigil.iot.registry;

import java.util.List;

/**
 * Defender for IoT on one hub, shaped like the reference's {@code iotSecuritySolutions}.
 *
 * @param status {@code Enabled} or {@code Disabled}: security monitoring on or off
 * @param workspace the log workspace the hub's raw events and alerts go to
 * @param export {@code RawEvents} stores valid security events in {@code SecurityIoTRawEvent}
 * @param collectedEventNames the event names kept (e.g. {@code ProcessCreate}); empty keeps all
 */
public record HubSecuritySettings(String status, String workspace, List<String> export, List<String> collectedEventNames) {
    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";
    public static final String RAW_EVENTS = "RawEvents";
    public static final String DEFAULT_WORKSPACE = "default";

    public HubSecuritySettings {
        status = status == null ? DISABLED : status;
        if (!status.equals(ENABLED) && !status.equals(DISABLED)) {
            throw new InvalidResourceException("'status' must be 'Enabled' or 'Disabled', was '" + status + "'");
        }
        workspace = workspace == null || workspace.isBlank() ? DEFAULT_WORKSPACE : workspace;
        export = export == null ? List.of(RAW_EVENTS) : List.copyOf(export);
        for (String kind : export) {
            if (!kind.equals(RAW_EVENTS)) {
                throw new InvalidResourceException("'export' may only hold 'RawEvents', found '" + kind + "'");
            }
        }
        collectedEventNames = collectedEventNames == null ? List.of() : List.copyOf(collectedEventNames);
    }

    /** Monitoring off, raw events exported once it is turned on, every event collected. */
    public static HubSecuritySettings defaults() {
        return new HubSecuritySettings(DISABLED, DEFAULT_WORKSPACE, List.of(RAW_EVENTS), List.of());
    }

    public boolean monitoringEnabled() {
        return status.equals(ENABLED);
    }

    public boolean storesRawEvents() {
        return monitoringEnabled() && export.contains(RAW_EVENTS);
    }

    public boolean collects(String eventName) {
        return collectedEventNames.isEmpty() || collectedEventNames.contains(eventName);
    }
}
