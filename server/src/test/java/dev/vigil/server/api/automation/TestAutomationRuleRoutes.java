package dev.vigil.server.api.automation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The automation rules API on the real server: Sentinel's shape, refusals with the JSON path of the error, roles. */
class TestAutomationRuleRoutes {
    private static final String RULES = "/api/workspaces/default/automationRules";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    private HttpResponse<String> put(String id, Object body) {
        return server.sendJson("PUT", RULES + "/" + id, server.apiKey(), body);
    }

    @Test
    void testARuleIsSavedReadListedReplacedAndDeletedInSentinelsShape() {
        Map<String, Object> body = AutomationRuleBodies.onCreated("Triage IoT incidents", 2)
                .when("AlertProductNames", "Contains", "Azure Security Center for IoT")
                .modify(Map.of("severity", "High", "labels", List.of(Map.of("labelName", "iot"))))
                .addTask("Check the device's recent connections").body();

        HttpResponse<String> created = put("triage-iot", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode rule = RunningServer.json(server.get(RULES + "/triage-iot"));
        assertThat(rule.path("name").asText()).isEqualTo("triage-iot");
        assertThat(rule.path("type").asText()).isEqualTo("Microsoft.SecurityInsights/automationRules");
        JsonNode properties = rule.path("properties");
        assertThat(properties.path("displayName").asText()).isEqualTo("Triage IoT incidents");
        assertThat(properties.path("order").asInt()).isEqualTo(2);
        assertThat(properties.path("triggeringLogic").path("triggersWhen").asText()).isEqualTo("Created");
        assertThat(properties.path("triggeringLogic").path("conditions").path(0).path("conditionProperties").path("propertyName").asText())
                .isEqualTo("AlertProductNames");
        assertThat(properties.path("actions")).extracting(action -> action.path("actionType").asText())
                .containsExactly("ModifyProperties", "AddIncidentTask");
        assertThat(properties.path("actions").path(0).path("actionConfiguration").path("labels").path(0).path("labelName").asText()).isEqualTo("iot");
        assertThat(properties.path("createdBy").path("userPrincipalName").asText()).isEqualTo("admin");
        assertThat(RunningServer.json(server.get(RULES)).path("value")).extracting(r -> r.path("name").asText()).contains("triage-iot");

        // what GET answers can be PUT back as it is
        HttpResponse<String> replaced = put("triage-iot", rule);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(RunningServer.json(replaced).path("etag").asText()).isEqualTo("\"2\"");

        assertThat(server.send(server.request(RULES + "/triage-iot").DELETE()).statusCode()).isEqualTo(200);
        HttpResponse<String> gone = server.get(RULES + "/triage-iot");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(gone).path("error").path("code").asText()).isEqualTo("NotFound");
    }

    @Test
    void testBadRulesAreRefusedAtSaveWithTheJsonPathOfTheError() {
        assertRefused(rule -> rule.when("IncidentColour", "Equals", "red"), "properties.triggeringLogic.conditions[0].conditionProperties.propertyName");
        assertRefused(rule -> rule.when("IncidentTitle", "Like", "shell"), "properties.triggeringLogic.conditions[0].conditionProperties.operator");
        assertRefused(rule -> rule.set("triggersWen", "Created"), "properties.triggeringLogic.triggersWen");
        assertRefused(rule -> rule.set("expirationTimeUtc", "next week"), "properties.triggeringLogic.expirationTimeUtc");
        assertRefused(rule -> rule.whenChanged("IncidentStatus", "ChangedTo", "Equals", "Active"),
                "properties.triggeringLogic.conditions[0].conditionProperties");
        assertRefused(rule -> rule.condition(AutomationRuleBodies.anyOf(AutomationRuleBodies.property("IncidentTitle", "Contains", "a"),
                AutomationRuleBodies.property("HostName", "Equals"))),
                "properties.triggeringLogic.conditions[0].conditionProperties.innerConditions[1].conditionProperties.propertyValues");
        assertRefused(rule -> rule.modify(Map.of("status", "Closed")), "properties.actions[1].actionConfiguration.classification");
        assertRefused(rule -> rule.modify(Map.of("severity", "Urgent")), "properties.actions[1].actionConfiguration.severity");
        assertRefused(rule -> rule.modify(Map.of("severty", "High")), "properties.actions[1].actionConfiguration.severty");
        assertRefused(rule -> rule.action(Map.of("order", 9, "actionType", "SendSms", "actionConfiguration", Map.of())),
                "properties.actions[1].actionType");

        HttpResponse<String> badOrder = put("bad", Map.of("properties", Map.of("displayName", "x", "order", 0)));
        assertThat(RunningServer.json(badOrder).path("error").path("innererror").path("path").asText()).isEqualTo("properties.order");
        HttpResponse<String> stored = server.get(RULES + "/bad");
        assertThat(stored.statusCode()).isEqualTo(404);
    }

    @Test
    void testRunPlaybookMustNameAPlaybookOfTheWorkspaceThatStartsOnIncidents() {
        Map<String, Object> noReference = AutomationRuleBodies.onCreated("Playbook", 1)
                .action(Map.of("order", 1, "actionType", "RunPlaybook", "actionConfiguration", Map.of("tenantId", "t"))).body();
        HttpResponse<String> missing = put("playbook", noReference);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(missing).path("error").path("innererror").path("path").asText())
                .isEqualTo("properties.actions[0].actionConfiguration.logicAppResourceId");

        Map<String, Object> withReference = AutomationRuleBodies.onCreated("Playbook", 1).action(Map.of("order", 1, "actionType", "RunPlaybook",
                "actionConfiguration", Map.of("logicAppResourceId", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Logic/workflows/notify"))).body();
        HttpResponse<String> unknown = put("playbook", withReference);
        JsonNode error = RunningServer.json(unknown).path("error");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("InvalidAutomationRule");
        assertThat(error.path("message").asText()).contains("has no playbook 'notify'");
        assertThat(server.get(RULES + "/playbook").statusCode()).isEqualTo(404);

        Map<String, Object> manualOnly = Map.of("triggers", List.of(Map.of("kind", "manual")),
                "steps", List.of(Map.of("id", "note", "type", "addComment", "message", "seen")));
        assertThat(server.sendJson("PUT", "/api/workspaces/default/playbooks/notify", server.apiKey(), manualOnly).statusCode()).isEqualTo(201);
        assertThat(RunningServer.json(put("playbook", withReference)).path("error").path("message").asText())
                .contains("does not start on 'incident'");

        Map<String, Object> onIncidents = Map.of("triggers", List.of(Map.of("kind", "incident")),
                "steps", List.of(Map.of("id", "note", "type", "addComment", "message", "seen")));
        assertThat(server.sendJson("PUT", "/api/workspaces/default/playbooks/notify", server.apiKey(), onIncidents).statusCode()).isEqualTo(200);
        HttpResponse<String> saved = put("playbook", withReference);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(RunningServer.json(saved).path("properties").path("actions").get(0).path("actionConfiguration").path("logicAppResourceId").asText())
                .isEqualTo("/subscriptions/s/resourceGroups/g/providers/Microsoft.Logic/workflows/notify");
    }

    @Test
    void testAnyRoleReadsAndOnlyAContributorWrites() {
        server.createUser("rita", null);
        server.grant("rita", "Reader", "/workspaces/default");
        server.createUser("ron", null);
        server.grant("ron", "Responder", "/workspaces/default");
        server.createUser("carla", null);
        server.grant("carla", "Contributor", "/workspaces/default");
        Map<String, Object> body = AutomationRuleBodies.onCreated("Tag", 1).modify(Map.of("labels", List.of(Map.of("labelName", "seen")))).body();

        assertThat(server.sendJson("PUT", RULES + "/by-role", server.issueKey("rita"), body).statusCode()).isEqualTo(403);
        assertThat(server.sendJson("PUT", RULES + "/by-role", server.issueKey("ron"), body).statusCode()).isEqualTo(403);
        assertThat(server.sendJson("PUT", RULES + "/by-role", server.issueKey("carla"), body).statusCode()).isEqualTo(201);
        assertThat(server.send(server.request(RULES + "/by-role", server.issueKey("rita")).GET()).statusCode()).isEqualTo(200);
        assertThat(server.send(server.request(RULES + "/by-role", server.issueKey("ron")).DELETE()).statusCode()).isEqualTo(403);
    }

    @Test
    void testAStaleEtagIsRefused() {
        Map<String, Object> body = AutomationRuleBodies.onCreated("Tag", 1).modify(Map.of("labels", List.of(Map.of("labelName", "seen")))).body();
        assertThat(put("etag", body).statusCode()).isEqualTo(201);
        assertThat(put("etag", body).statusCode()).isEqualTo(200);

        HttpResponse<String> stale = server.send(server.request(RULES + "/etag").header("Content-Type", "application/json").header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(body))));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(RunningServer.json(stale).path("error").path("code").asText()).isEqualTo("PreconditionFailed");
    }

    /** A rule with one valid action and the given change is refused, naming the path. */
    private void assertRefused(Consumer<AutomationRuleBodies> change, String path) {
        AutomationRuleBodies rule = AutomationRuleBodies.onCreated("Refused", 1).modify(Map.of("severity", "High"));
        change.accept(rule);
        HttpResponse<String> response = put("refused", rule.body());
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("InvalidAutomationRule");
        assertThat(error.path("innererror").path("path").asText()).as(response.body()).isEqualTo(path);
        assertThat(error.path("message").asText()).startsWith(path + ": ");
    }
}
