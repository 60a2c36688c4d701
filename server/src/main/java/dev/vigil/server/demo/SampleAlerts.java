package dev.vigil.server.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic {@code SecurityAlert} rows as Defender for IoT raises them for a small fleet: three IoT
 * hubs, a dozen devices, alerts from the catalogue spread over the last 24 hours. The rows are
 * JSON-shaped (ISO 8601 text for times), exactly what a client would post to the ingestion API.
 */
public final class SampleAlerts {
    public static final String PRODUCT_NAME = "Azure Security Center for IoT";

    private static final String SUBSCRIPTION = "5f6a3b1e-8c2d-4e7f-9a0b-1c2d3e4f5a6b";
    private static final String RESOURCE_GROUP = "contoso-iot";
    private static final List<String> HUBS = List.of("contoso-plant-hub", "contoso-warehouse-hub", "contoso-fleet-hub");
    private static final List<String> DEVICES = List.of(
            "plc-line1-01", "plc-line1-02", "hmi-panel-03", "IoT-Device-Linux", "gateway-eu-01", "gateway-eu-02",
            "camera-dock-02", "sensor-boiler-07", "scanner-wh-11", "truck-tracker-21", "truck-tracker-22", "edge-router-05");
    private static final List<String> USERS = List.of("root", "operator", "maint", "attacker", "pi");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private final Instant now;

    private SampleAlerts(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code count} alerts ending at {@code now}; the same seed gives the same alerts (ids aside). */
    public static List<Map<String, Object>> generate(int count, Instant now, long seed) {
        SampleAlerts sample = new SampleAlerts(seed, now);
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(sample.alert());
        }
        return rows;
    }

    private Map<String, Object> alert() {
        AlertTemplate template = pick(AlertTemplate.CATALOGUE);
        String hub = pick(HUBS);
        String device = pick(DEVICES);
        String hubId = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/" + RESOURCE_GROUP
                + "/providers/Microsoft.Devices/IotHubs/" + hub;
        // Raised within the last 24 hours; the activity it reports ended shortly before.
        Instant generated = now.minus(Duration.ofSeconds(random.nextInt(24 * 3600)));
        Instant end = generated.minusSeconds(5 + random.nextInt(55));
        Instant start = end.minusSeconds(random.nextInt(600));
        String alertId = new UUID(random.nextLong(), random.nextLong()).toString();

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", generated.toString());
        row.put("AlertName", template.name());
        row.put("DisplayName", template.name());
        row.put("AlertSeverity", template.severity());
        row.put("AlertType", template.alertType());
        row.put("Description", template.description());
        row.put("ProductName", PRODUCT_NAME);
        row.put("ProviderName", "IoTSecurity");
        row.put("VendorName", "Microsoft");
        row.put("ConfidenceLevel", "Unknown");
        row.put("CompromisedEntity", device);
        row.put("ResourceId", hubId);
        row.put("SystemAlertId", alertId);
        row.put("VendorOriginalId", new UUID(random.nextLong(), random.nextLong()).toString());
        row.put("Status", pick(List.of("New", "New", "New", "InProgress", "Resolved")));
        row.put("StartTime", start.toString());
        row.put("EndTime", end.toString());
        row.put("ProcessingEndTime", generated.minusSeconds(1).toString());
        row.put("Tactics", template.tactics());
        row.put("SourceSystem", "Detection");
        row.put("IsIncident", false);
        row.put("RemediationSteps", json(template.remediation()));
        row.put("ExtendedProperties", json(extendedProperties(template, device)));
        row.put("Entities", json(List.of(Map.of("$id", "1", "Type", "iotdevice", "DeviceId", device,
                "IoTHub", Map.of("$id", "2", "Type", "azure-resource", "ResourceId", hubId)))));
        row.put("WorkspaceSubscriptionId", SUBSCRIPTION);
        row.put("WorkspaceResourceGroup", RESOURCE_GROUP);
        return row;
    }

    private Map<String, Object> extendedProperties(AlertTemplate template, String device) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (template.alertType().contains("Login") || template.alertType().contains("BruteForce")) {
            properties.put("User Name", pick(USERS));
            properties.put("Login Shell", "/bin/bash");
            properties.put("Remote Address", "10.165." + random.nextInt(256) + "." + random.nextInt(256));
        } else if (template.alertType().contains("IP") || template.alertType().contains("Port")) {
            properties.put("Remote Address", "185.220." + random.nextInt(256) + "." + random.nextInt(256));
            properties.put("Remote Port", Integer.toString(1024 + random.nextInt(60000)));
        } else {
            properties.put("Process Id", Integer.toString(1000 + random.nextInt(30000)));
        }
        properties.put("DeviceId", device);
        return properties;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sample values are plain maps and lists", e);
        }
    }
}
