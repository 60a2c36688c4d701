package dev.vigil.server.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What rule tests do to a running server: save rules, ingest alerts of a device product, read what the rules wrote. */
public final class RuleFixtures {
    static final String RULES = "/api/workspaces/default/alertRules/";
    static final String SCHEDULED_ALERTS = "SecurityAlert | where ProviderName == 'ASI Scheduled Alerts'";

    private RuleFixtures() {
    }

    static JsonNode save(RunningServer server, String ruleId, Map<String, Object> body) {
        HttpResponse<String> saved = server.sendJson("PUT", RULES + ruleId, server.apiKey(), body);
        assertThat(saved.statusCode()).as(saved.body()).isIn(200, 201);
        return RunningServer.json(saved);
    }

    /** Ingests IoT alerts (ProviderName IoTSecurity) of these devices, all at the given time. */
    public static void ingestIotAlerts(RunningServer server, Instant at, String severity, String... devices) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String device : devices) {
            Map<String, Object> row = new HashMap<>();
            row.put("TimeGenerated", at.toString());
            row.put("AlertName", "Successful local login");
            row.put("DisplayName", "Successful local login");
            row.put("AlertSeverity", severity);
            row.put("ProviderName", "IoTSecurity");
            row.put("ProductName", "Azure Security Center for IoT");
            row.put("SystemAlertId", java.util.UUID.randomUUID().toString());
            row.put("CompromisedEntity", device);
            row.put("ExtendedProperties", "{\"DeviceId\":\"" + device + "\"}");
            rows.add(row);
        }
        server.writeAsVigil("SecurityAlert", rows);
    }

    /** A rule reading the IoT alerts of one severity, with the device id as a column. */
    public static String iotAlertsQuery(String severity) {
        return "SecurityAlert | where ProviderName == 'IoTSecurity' and AlertSeverity == '" + severity + "'"
                + " | extend DeviceId = tostring(parse_json(ExtendedProperties).DeviceId)";
    }

    static JsonNode rows(RunningServer server, String kql) {
        return server.query(kql).path("rows");
    }
}
