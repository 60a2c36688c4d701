package dev.vigil.server.api.playbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** End to end with a built-in template: an IoT alert becomes an incident, the incident is closed, and the installed sync playbook resolves the IoT alert. */
class TestDefenderForIotPlaybooks {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @Test
    void testClosingAnIncidentResolvesItsIotAlertOnceTheInstalledSyncRuleIsEnabled() {
        HttpResponse<String> installed = server.postJson("/api/workspaces/default/playbookTemplates/AD4IoT-AutoAlertStatusSync/install", Map.of());
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        JsonNode rule = RunningServer.json(installed).path("automationRule");
        assertThat(rule.path("properties").path("triggeringLogic").path("isEnabled").asBoolean()).isFalse();
        ((ObjectNode) rule.path("properties").path("triggeringLogic")).put("isEnabled", true);
        HttpResponse<String> enabled = server.sendJson("PUT", "/api/workspaces/default/automationRules/AD4IoT-AutoAlertStatusSync", server.apiKey(), rule);
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);

        String key = IotDevices.createHub(server, "sub-1", "plant-hub", "Enabled");
        HttpResponse<String> connected = server.sendJson("PUT", "/api/workspaces/default/dataConnectors/IoT/subscriptions/sub-1", server.apiKey(),
                Map.of("createIncidents", true));
        assertThat(connected.statusCode()).as(connected.body()).isIn(200, 201);
        HttpResponse<String> sent = IotDevices.sendOverHttps(server, "plant-hub", key, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        server.server().awaitDetection();
        JsonNode incident = Eventually.await("an incident of the IoT alert", () -> RunningServer.json(server.get("/api/workspaces/default/incidents"))
                .path("value"), value -> value.size() > 0).get(0);
        String incidentName = incident.path("name").asText();
        String alertId = RunningServer.json(server.get("/api/workspaces/default/incidents/" + incidentName + "/alerts")).path("value").get(0)
                .path("properties").path("systemAlertId").asText();
        String alertPath = "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts/" + alertId;
        assertThat(RunningServer.json(server.get(alertPath)).path("status").asText()).isEqualTo("New");

        HttpResponse<String> closed = server.postJson("/api/workspaces/default/incidents/" + incidentName + "/close",
                Map.of("classification", "TruePositive", "classificationReason", "SuspiciousActivity"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

        JsonNode alert = Eventually.await("the IoT alert resolved by the playbook", () -> RunningServer.json(server.get(alertPath)),
                found -> found.path("status").asText().equals("Resolved"));
        assertThat(alert.path("status").asText()).isEqualTo("Resolved");
        JsonNode runs = Eventually.await("the sync run finished", () -> RunningServer.json(server.get(
                "/api/workspaces/default/playbooks/AD4IoT-AutoAlertStatusSync/runs")).path("value"), value -> value.size() == 1
                && value.get(0).path("status").asText().equals("Succeeded"));
        assertThat(runs.get(0).path("origin").asText()).startsWith("automationRule/AD4IoT-AutoAlertStatusSync/");
    }
}
