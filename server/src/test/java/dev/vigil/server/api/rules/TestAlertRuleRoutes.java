package dev.vigil.server.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestAlertRuleRoutes {
    private static final String RULES = "/api/workspaces/default/alertRules/";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testScheduledRuleIsSavedReadBackAndSurvivesRestart() {
        HttpResponse<String> created = server.sendJson("PUT", RULES + "many-high", server.apiKey(),
                RuleBodies.scheduled("SecurityAlert | where AlertSeverity == 'High'", 3));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode rule = RunningServer.json(created);
        assertThat(rule.path("kind").asText()).isEqualTo("Scheduled");
        assertThat(rule.path("name").asText()).isEqualTo("many-high");
        assertThat(rule.path("properties").path("queryFrequency").asText()).isEqualTo("PT5M");
        assertThat(rule.path("properties").path("triggerThreshold").asInt()).isEqualTo(3);
        assertThat(created.headers().firstValue("ETag")).contains(rule.path("etag").asText());

        server.restart();

        JsonNode list = RunningServer.json(server.get(RULES));
        assertThat(list.path("value")).hasSize(1);
        JsonNode reloaded = list.path("value").path(0);
        assertThat(reloaded.path("properties").path("query").asText()).isEqualTo("SecurityAlert | where AlertSeverity == 'High'");
        assertThat(reloaded.path("properties").path("tactics").path(0).asText()).isEqualTo("Impact");
    }

    @Test
    void testQueryThatDoesNotCompileIsRefusedWithLineAndColumn() {
        HttpResponse<String> refused = server.sendJson("PUT", RULES + "broken", server.apiKey(),
                RuleBodies.scheduled("SecurityAlert\n| where NoSuchColumn == 1", 0));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("BadArgumentError");
        assertThat(error.path("innererror").path("code").asText()).isEqualTo("SemanticError");
        assertThat(error.path("innererror").path("line").asInt()).isEqualTo(2);
        assertThat(error.path("innererror").path("pos").asInt()).isEqualTo(9);
        assertThat(server.get(RULES + "broken").statusCode()).isEqualTo(404);
    }

    @Test
    void testBadPropertyIsNamedInTheError() {
        Map<String, Object> body = RuleBodies.scheduled("SecurityAlert", 0);
        RuleBodies.properties(body).put("queryFrequency", "5 minutes");
        HttpResponse<String> refused = server.sendJson("PUT", RULES + "bad", server.apiKey(), body);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidAlertRule");
        assertThat(error.path("message").asText()).startsWith("properties.queryFrequency: '5 minutes' is not an ISO 8601 duration");

        Map<String, Object> mapped = RuleBodies.scheduled("SecurityAlert | project AlertName", 0);
        RuleBodies.properties(mapped).put("customDetails", Map.of("Device", "DeviceId"));
        HttpResponse<String> unknownColumn = server.sendJson("PUT", RULES + "bad", server.apiKey(), mapped);
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(unknownColumn).path("error").path("message").asText())
                .startsWith("properties.customDetails.Device: the query's results have no column 'DeviceId'");
    }

    @Test
    void testQueryWithSeveralResultTablesIsRefused() {
        HttpResponse<String> refused = server.sendJson("PUT", RULES + "forked", server.apiKey(),
                RuleBodies.scheduled("SecurityAlert | fork (where AlertSeverity == 'High') (count)", 0));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidAlertRule");
        assertThat(error.path("message").asText()).startsWith("properties.query: the query gives 2 result tables (GenericResult, GenericResult_1)");
        assertThat(server.get(RULES + "forked").statusCode()).isEqualTo(404);
    }

    @Test
    void testQueryOfSeveralTabularStatementsIsRefused() {
        HttpResponse<String> refused = server.sendJson("PUT", RULES + "batch", server.apiKey(),
                RuleBodies.scheduled("SecurityAlert | take 3; SecurityAlert | count | as Total", 0));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(RunningServer.json(refused).path("error").path("message").asText())
                .startsWith("properties.query: the query gives 2 result tables (Table_0, Total), and a rule reads one");
        assertThat(server.get(RULES + "batch").statusCode()).isEqualTo(404);
    }

    @Test
    void testStaleEtagIsRefusedAndCurrentEtagAccepted() {
        Map<String, Object> body = RuleBodies.scheduled("SecurityAlert", 0);
        String etag = RunningServer.json(server.sendJson("PUT", RULES + "r", server.apiKey(), body)).path("etag").asText();
        body.put("etag", etag);
        HttpResponse<String> replaced = server.sendJson("PUT", RULES + "r", server.apiKey(), body);
        assertThat(replaced.statusCode()).isEqualTo(200);

        HttpResponse<String> stale = server.sendJson("PUT", RULES + "r", server.apiKey(), body);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(RunningServer.json(stale).path("error").path("code").asText()).isEqualTo("PreconditionFailed");
    }

    @Test
    void testKindOfRuleCannotChangeAndDeleteRemovesIt() {
        assertThat(server.sendJson("PUT", RULES + "r", server.apiKey(), RuleBodies.incidentCreation("Azure Security Center for IoT")).statusCode())
                .isEqualTo(201);
        HttpResponse<String> changed = server.sendJson("PUT", RULES + "r", server.apiKey(), RuleBodies.scheduled("SecurityAlert", 0));
        assertThat(changed.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(changed).path("error").path("message").asText()).contains("a rule's kind cannot change");

        assertThat(server.sendJson("DELETE", RULES + "r", server.apiKey(), null).statusCode()).isEqualTo(200);
        assertThat(server.get(RULES + "r").statusCode()).isEqualTo(404);
    }

    @Test
    void testUnknownProductIsRefused() {
        HttpResponse<String> refused = server.sendJson("PUT", RULES + "r", server.apiKey(), RuleBodies.incidentCreation("Acme EDR"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(refused).path("error").path("message").asText())
                .startsWith("properties.productFilter: 'Acme EDR' is not one of Azure Active Directory Identity Protection");
    }
}
