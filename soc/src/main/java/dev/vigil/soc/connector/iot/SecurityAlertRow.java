package dev.vigil.soc.connector.iot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.alert.AlertChangeKind;
import dev.vigil.iot.alert.AlertVersion;
import dev.vigil.iot.alert.IotAlert;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One version of an IoT alert as the {@code SecurityAlert} row Defender for IoT writes for it.
 * Every column of the table is set, with an empty value where real rows leave it empty
 * ({@code TenantId}, {@code Type}, {@code _BilledSize} and {@code _IsBillable} are filled by the
 * workspace at ingestion).
 */
final class SecurityAlertRow {
    static final String TABLE = "SecurityAlert";
    static final String VENDOR_NAME = "Microsoft";
    static final String PROVIDER_NAME = "IoTSecurity";
    /** Defender for IoT gives no confidence for its agent-based alerts. */
    static final String CONFIDENCE_LEVEL = "Unknown";
    /** The deprecated column still carries this value in real rows. */
    static final String SOURCE_SYSTEM = "Detection";
    /** The key of {@code ExtendedProperties} that tells the first row of an alert from its updates. */
    static final String IS_NEW = "isNew";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityAlertRow() {
    }

    /** The row of {@code version}; {@code TimeGenerated} is when the version was made. */
    static Map<String, Object> of(AlertVersion version) {
        IotAlert alert = version.alert();
        AttackMapping attack = AttackMapping.forAlertType(alert.alertType());
        String alertPath = alertPath(alert);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", text(version.changedAt()));
        row.put("DisplayName", alert.displayName());
        row.put("AlertName", alert.displayName());
        row.put("AlertSeverity", alert.severity().sentinelName());
        row.put("Description", alert.description());
        row.put("ProviderName", PROVIDER_NAME);
        row.put("VendorName", VENDOR_NAME);
        row.put("VendorOriginalId", alert.alertId());
        row.put("SystemAlertId", alert.alertId());
        row.put("ResourceId", alert.hubResourceId());
        row.put("SourceComputerId", "");
        row.put("AlertType", alert.alertType());
        row.put("ConfidenceLevel", CONFIDENCE_LEVEL);
        row.put("ConfidenceScore", null);
        row.put("IsIncident", false);
        row.put("StartTime", text(alert.startTime()));
        row.put("EndTime", text(alert.endTime()));
        row.put("ProcessingEndTime", text(version.changedAt()));
        row.put("RemediationSteps", json(alert.remediationSteps()));
        row.put("ExtendedProperties", json(extendedProperties(version, alertPath)));
        row.put("Entities", alert.entitiesJson());
        row.put("SourceSystem", SOURCE_SYSTEM);
        row.put("WorkspaceSubscriptionId", "");
        row.put("WorkspaceResourceGroup", "");
        row.put("ExtendedLinks", "");
        row.put("ProductName", DefenderForIotConnector.PRODUCT_NAME);
        row.put("ProductComponentName", "");
        row.put("AlertLink", alertPath);
        row.put("Status", alert.status().sentinelName());
        row.put("CompromisedEntity", alert.deviceId());
        row.put("Tactics", String.join(", ", attack.tactics()));
        row.put("Techniques", attack.techniques().isEmpty() ? "" : json(attack.techniques()));
        row.put("SubTechniques", attack.subTechniques().isEmpty() ? "" : json(attack.subTechniques()));
        return row;
    }

    /**
     * Defender's properties as the alert carries them, plus where the alert is managed, which a
     * status-sync playbook reads back, and {@code isNew}; the OT rows of the reference carry both keys.
     */
    private static Map<String, String> extendedProperties(AlertVersion version, String alertPath) {
        IotAlert alert = version.alert();
        Map<String, String> properties = new LinkedHashMap<>(alert.extendedProperties());
        properties.putIfAbsent("DeviceId", alert.deviceId());
        properties.put("AlertManagementUri", alertPath);
        properties.put(IS_NEW, isNew(version.changeKind()));
        return properties;
    }

    /**
     * "True" on the row that first reports the alert, "False" on its updates: Sentinel's IoT rules
     * keep only the first, so that one alert makes one alert of theirs, not one per version.
     */
    static String isNew(AlertChangeKind changeKind) {
        return switch (changeKind) {
            case CREATED -> "True";
            case REPEATED, STATUS_CHANGED -> "False";
        };
    }

    /** The alert in Vigil's API: {@code /api/subscriptions/{sub}/providers/Microsoft.Security/iotAlerts/{id}}. */
    static String alertPath(IotAlert alert) {
        return "/api/subscriptions/" + subscriptionOf(alert.hubResourceId()) + "/providers/Microsoft.Security/iotAlerts/" + alert.alertId();
    }

    /** {@code sub} of {@code /subscriptions/{sub}/resourceGroups/...}, empty when the id has another shape. */
    static String subscriptionOf(String hubResourceId) {
        String[] segments = hubResourceId.split("/");
        return segments.length > 2 && segments[1].equalsIgnoreCase("subscriptions") ? segments[2] : "";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SecurityAlert column cannot be written as JSON", e);
        }
    }
}
