package dev.vigil.server.api.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.VigilServer;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.incident.IncidentAlert;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.NewIncident;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Automation rules acting on incidents of the real server, through the HTTP API, across restarts. */
class TestIncidentAutomation {
    private static final String WS = VigilServer.DEFAULT_WORKSPACE;
    private static final String RULES = "/api/workspaces/default/automationRules";
    private static final String INCIDENTS = "/api/workspaces/default/incidents";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testRulesActInOrderEachSeeingTheChangesOfTheOnesBeforeAndSignTheirChanges() {
        // saved in the reverse of their order: the order decides, not the saving
        save("assign", AutomationRuleBodies.onCreated("Assign high ones", 2).when("IncidentSeverity", "Equals", "High")
                .modify(Map.of("owner", Map.of("assignedTo", "alice", "userPrincipalName", "alice"))).addTask("Isolate the device").body());
        save("raise", AutomationRuleBodies.onCreated("Raise shells", 1).when("IncidentTitle", "Contains", "SHELL")
                .modify(Map.of("severity", "High", "labels", List.of(Map.of("labelName", "triage")))).body());

        createIncident("Reverse shell on gateway-01", "Low");
        awaitAutomation();

        JsonNode incident = incident(1);
        assertThat(incident.path("severity").asText()).isEqualTo("High");
        assertThat(incident.path("labels")).extracting(label -> label.path("labelName").asText()).containsExactly("triage");
        assertThat(incident.path("owner").path("assignedTo").asText()).isEqualTo("alice");
        assertThat(RunningServer.json(server.get(INCIDENTS + "/1/tasks")).path("value"))
                .extracting(task -> task.path("properties").path("title").asText() + " by " + task.path("properties").path("createdBy").path("name").asText())
                .containsExactly("Isolate the device by Automation rule - Assign high ones");
        assertThat(rows("SecurityIncident | where IncidentNumber == 1 | sort by TimeGenerated asc, LastModifiedTime asc"))
                .extracting(row -> row.path("ModifiedBy").asText() + ": " + row.path("Severity").asText())
                .containsExactlyInAnyOrder("admin: Low", "Automation rule - Raise shells: High", "Automation rule - Assign high ones: High");
        assertThat(rows("SecurityIncident | where IncidentNumber == 1 | summarize arg_max(LastModifiedTime, *)").get(0).path("Tasks").toString())
                .contains("Isolate the device");
        assertThat(rows("SentinelHealth | where OperationName == 'Automation rule run' | sort by SentinelResourceName asc"))
                .extracting(row -> row.path("SentinelResourceName").asText() + " " + row.path("Status").asText())
                .containsExactly("Assign high ones Success", "Raise shells Success");
    }

    @Test
    void testUpdateRulesActOnWhatChangedAndFromWhat() {
        save("escalated", AutomationRuleBodies.onUpdated("Escalated", 1).whenChanged("IncidentSeverity", "ChangedFrom", "Equals", "Low")
                .modify(Map.of("labels", List.of(Map.of("labelName", "escalated")))).body());
        save("taken", AutomationRuleBodies.onUpdated("Taken", 2).whenChanged("IncidentStatus", "ChangedTo", "Equals", "Active")
                .addTask("Write the first note").body());
        save("owner-changed", AutomationRuleBodies.onUpdated("Owner changed", 3).whenChanged("IncidentOwner", "ChangedTo", null)
                .modify(Map.of("labels", List.of(Map.of("labelName", "reassigned")))).body());
        createIncident("Port scan", "Medium");
        createIncident("Brute force", "Low");

        patch(1, Map.of("severity", "High", "status", "Active"));
        patch(2, Map.of("severity", "High"));
        patch(2, Map.of("owner", Map.of("assignedTo", "bob", "userPrincipalName", "bob")));
        awaitAutomation();

        assertThat(labels(incident(1))).isEmpty();
        assertThat(RunningServer.json(server.get(INCIDENTS + "/1/tasks")).path("value")).hasSize(1);
        assertThat(labels(incident(2))).containsExactly("escalated", "reassigned");
        assertThat(RunningServer.json(server.get(INCIDENTS + "/2/tasks")).path("value")).isEmpty();
    }

    @Test
    void testAChangeMadeWhileAutomationWasDownIsActedOnOnceAfterARestart() {
        save("tag", AutomationRuleBodies.onCreated("Tag new incidents", 1).modify(Map.of("labels", List.of(Map.of("labelName", "seen"))))
                .addTask("Look at it").body());
        // automation stops, as a crash would stop it, between the incident change and the rule's action
        server.server().automation().close();
        createIncident("Unauthorized PLC programming", "High");
        server.server().incidents().allLogged(WS).join();
        assertThat(labels(incident(1))).isEmpty();

        server.restart();
        awaitAutomation();
        server.restart();
        awaitAutomation();

        assertThat(labels(incident(1))).containsExactly("seen");
        assertThat(RunningServer.json(server.get(INCIDENTS + "/1/tasks")).path("value")).hasSize(1);
        assertThat(server.count("SecurityIncident | where IncidentNumber == 1 and ModifiedBy == 'Automation rule - Tag new incidents' | count"))
                .isEqualTo(1);
        assertThat(server.count("SentinelHealth | where OperationName == 'Automation rule run' | count")).isEqualTo(1);
    }

    @Test
    void testChangesMadeByAutomationTriggerNoRules() {
        save("on-any-update", AutomationRuleBodies.onUpdated("Count updates", 1).addTask("An update to look at").body());
        save("on-create", AutomationRuleBodies.onCreated("Label new", 1).modify(Map.of("labels", List.of(Map.of("labelName", "new")))).body());
        createIncident("Malware", "High");
        awaitAutomation();
        assertThat(RunningServer.json(server.get(INCIDENTS + "/1/tasks")).path("value")).isEmpty();

        patch(1, Map.of("severity", "Medium"));
        awaitAutomation();

        assertThat(RunningServer.json(server.get(INCIDENTS + "/1/tasks")).path("value")).hasSize(1);
        assertThat(server.count("SentinelHealth | where OperationName == 'Automation rule run' | count")).isEqualTo(2);
    }

    @Test
    void testDisabledAndExpiredRulesDoNothing() {
        save("disabled", AutomationRuleBodies.onCreated("Disabled", 1).set("isEnabled", false)
                .modify(Map.of("labels", List.of(Map.of("labelName", "disabled")))).body());
        save("expired", AutomationRuleBodies.onCreated("Expired", 2).set("expirationTimeUtc", Instant.now().minusSeconds(60).toString())
                .modify(Map.of("labels", List.of(Map.of("labelName", "expired")))).body());
        save("active", AutomationRuleBodies.onCreated("Active", 3).modify(Map.of("labels", List.of(Map.of("labelName", "active")))).body());

        createIncident("Anything", "Low");
        awaitAutomation();

        assertThat(labels(incident(1))).containsExactly("active");
    }

    @Test
    void testARefusedActionIsRecordedAsAFailedRunAndTheRulesAfterItStillAct() {
        save("close-again", AutomationRuleBodies.onUpdated("Close as false positive", 1).whenChanged("IncidentStatus", "ChangedTo", "Equals", "Closed")
                .modify(Map.of("status", "Closed", "classification", "FalsePositive", "classificationReason", "IncorrectAlertLogic")).body());
        save("note", AutomationRuleBodies.onUpdated("Note closing", 2).whenChanged("IncidentStatus", "ChangedTo", "Equals", "Closed")
                .modify(Map.of("labels", List.of(Map.of("labelName", "closed-by-analyst")))).body());
        createIncident("Suspicious login", "Medium");

        HttpResponse<String> closed = server.postJson(INCIDENTS + "/1/close", Map.of("classification", "TruePositive",
                "classificationReason", "SuspiciousActivity"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        awaitAutomation();

        JsonNode incident = incident(1);
        assertThat(incident.path("classification").asText()).isEqualTo("TruePositive");
        assertThat(labels(incident)).containsExactly("closed-by-analyst");
        List<JsonNode> runs = rows("SentinelHealth | where OperationName == 'Automation rule run' | sort by SentinelResourceName asc");
        assertThat(runs).extracting(row -> row.path("SentinelResourceName").asText() + " " + row.path("Status").asText())
                .containsExactly("Close as false positive Failure", "Note closing Success");
        assertThat(runs.get(0).path("Description").asText()).contains("refused").contains("another classification");
    }

    @Test
    void testConditionsReadTheEntitiesOfTheIncidentsAlerts() {
        save("plc", AutomationRuleBodies.onCreated("PLC 7", 1).condition(AutomationRuleBodies.anyOf(
                AutomationRuleBodies.property("IoTDeviceId", "Equals", "plc-7"), AutomationRuleBodies.property("IPAddress", "StartsWith", "10.9.")))
                .modify(Map.of("severity", "High")).body());
        server.server().incidents().create(WS, NewIncident.of("alert/a-1", "PLC stop", IncidentSeverity.LOW, "test")
                .withAlerts(List.of(alert("a-1", "[{\"$id\":\"1\",\"Type\":\"iotdevice\",\"DeviceId\":\"plc-7\"}]"))));
        server.server().incidents().create(WS, NewIncident.of("alert/a-2", "Scan", IncidentSeverity.LOW, "test")
                .withAlerts(List.of(alert("a-2", "[{\"$id\":\"1\",\"Type\":\"ip\",\"Address\":\"10.1.0.4\"}]"))));
        server.server().incidents().create(WS, NewIncident.of("alert/a-3", "Scan", IncidentSeverity.LOW, "test")
                .withAlerts(List.of(alert("a-3", "[{\"$id\":\"1\",\"Type\":\"ip\",\"Address\":\"10.9.0.4\"}]"))));
        awaitAutomation();

        assertThat(List.of(1, 2, 3).stream().map(number -> incident(number).path("severity").asText())).containsExactly("High", "Low", "High");
    }

    private static IncidentAlert alert(String id, String entities) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("SystemAlertId", id);
        row.put("DisplayName", "alert " + id);
        row.put("AlertSeverity", "Low");
        row.put("ProductName", "Azure Security Center for IoT");
        row.put("StartTime", "2026-12-07T05:00:00Z");
        row.put("Entities", entities);
        return IncidentAlert.fromSecurityAlert(row);
    }

    private void save(String id, Map<String, Object> body) {
        HttpResponse<String> response = server.sendJson("PUT", RULES + "/" + id, server.apiKey(), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void createIncident(String title, String severity) {
        HttpResponse<String> response = server.postJson(INCIDENTS, Map.of("properties", Map.of("title", title, "severity", severity)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void patch(int number, Map<String, Object> properties) {
        HttpResponse<String> response = server.sendJson("PATCH", INCIDENTS + "/" + number, server.apiKey(), Map.of("properties", properties));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode incident(int number) {
        return RunningServer.json(server.get(INCIDENTS + "/" + number)).path("properties");
    }

    private static List<String> labels(JsonNode incident) {
        return java.util.stream.StreamSupport.stream(incident.path("labels").spliterator(), false).map(label -> label.path("labelName").asText())
                .toList();
    }

    private List<JsonNode> rows(String kql) {
        return RunningServer.rowsByColumnName(server.query(kql));
    }

    /**
     * Waits until automation has acted on every change of the workspace, its own changes included
     * (their rows written, and passed over): the incidents' latest change stays the one automation is at.
     */
    private void awaitAutomation() {
        while (true) {
            server.server().incidents().allLogged(WS).join();
            long last = server.server().incidents().lastChange(WS);
            Eventually.await("automation to reach change " + last, () -> server.server().automation().position(WS), position -> position >= last);
            server.server().incidents().allLogged(WS).join();
            if (server.server().incidents().lastChange(WS) == last) {
                return;
            }
        }
    }
}
