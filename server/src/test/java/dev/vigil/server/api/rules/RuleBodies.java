package dev.vigil.server.api.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rule bodies as a client would send them. */
public final class RuleBodies {
    private RuleBodies() {
    }

    /** A Scheduled rule every 5 minutes over 5 minutes, firing when the count is above the threshold; change what a test needs. */
    public static Map<String, Object> scheduled(String query, int threshold) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("displayName", "Many high alerts");
        properties.put("description", "More high-severity alerts than usual");
        properties.put("enabled", true);
        properties.put("query", query);
        properties.put("queryFrequency", "PT5M");
        properties.put("queryPeriod", "PT5M");
        properties.put("triggerOperator", "GreaterThan");
        properties.put("triggerThreshold", threshold);
        properties.put("severity", "High");
        properties.put("tactics", List.of("Impact"));
        properties.put("techniques", List.of("T0813"));
        properties.put("suppressionEnabled", false);
        properties.put("suppressionDuration", "PT5H");
        properties.put("incidentConfiguration", Map.of("createIncident", false));
        return body("Scheduled", properties);
    }

    /** A near-real-time rule raising an alert per result, the device of each (column {@code DeviceId}) as its entity. */
    static Map<String, Object> nrt(String query) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("displayName", "Every new high alert");
        properties.put("enabled", true);
        properties.put("query", query);
        properties.put("severity", "Medium");
        properties.put("eventGroupingSettings", Map.of("aggregationKind", "AlertPerResult"));
        properties.put("entityMappings", List.of(Map.of("entityType", "IoTDevice",
                "fieldMappings", List.of(Map.of("identifier", "DeviceId", "columnName", "DeviceId")))));
        properties.put("incidentConfiguration", Map.of("createIncident", false));
        return body("NRT", properties);
    }

    static Map<String, Object> incidentCreation(String product) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("displayName", "Incidents from " + product);
        properties.put("enabled", true);
        properties.put("productFilter", product);
        return body("MicrosoftSecurityIncidentCreation", properties);
    }

    static Map<String, Object> body(String kind, Map<String, Object> properties) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("properties", properties);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> body) {
        return (Map<String, Object>) body.get("properties");
    }
}
