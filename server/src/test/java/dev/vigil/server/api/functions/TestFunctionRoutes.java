package dev.vigil.server.api.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestFunctionRoutes {
    private static final String FUNCTIONS = "/api/workspaces/default/functions";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @BeforeAll
    static void ingestAlerts() {
        server.writeAsVigil("SecurityAlert", List.of(
                Map.of("AlertName", "Reverse shell", "AlertSeverity", "High"),
                Map.of("AlertName", "Device silent", "AlertSeverity", "Low")));
    }

    private static HttpResponse<String> put(String name, Object body) {
        return server.send(server.request(FUNCTIONS + "/" + name).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(body))));
    }

    private static HttpResponse<String> delete(String name) {
        return server.send(server.request(FUNCTIONS + "/" + name).DELETE());
    }

    @Test
    void testSavedFunctionIsCreatedReadListedAndCalledByName() {
        HttpResponse<String> created = put("SeverityAlerts", Map.of("parameters", "(severity:string = \"High\")",
                "body", "SecurityAlert | where AlertSeverity == severity | project AlertName", "category", "Parsers"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue(FUNCTIONS + "/SeverityAlerts");
        JsonNode read = RunningServer.json(server.get(FUNCTIONS + "/SeverityAlerts"));
        assertThat(read.path("parameters").asText()).isEqualTo("(severity:string = \"High\")");
        assertThat(read.path("category").asText()).isEqualTo("Parsers");
        assertThat(read.has("displayName")).isFalse();
        JsonNode listed = RunningServer.json(server.get(FUNCTIONS));
        assertThat(listed.path("functions").findValuesAsText("name")).contains("SeverityAlerts");
        assertThat(server.query("SeverityAlerts()").path("rows").toString()).isEqualTo("[[\"Reverse shell\"]]");
        assertThat(server.query("SeverityAlerts(\"Low\")").path("rows").toString()).isEqualTo("[[\"Device silent\"]]");
    }

    @Test
    void testSavingAgainReplacesTheFunctionWith200() {
        assertThat(put("Everything", Map.of("body", "SecurityAlert")).statusCode()).isEqualTo(201);

        HttpResponse<String> replaced = put("Everything", Map.of("body", "SecurityAlert | take 1"));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(RunningServer.json(replaced).path("body").asText()).isEqualTo("SecurityAlert | take 1");
        assertThat(server.count("Everything | count")).isEqualTo(1);
    }

    @Test
    void testDeletedFunctionIsNotFound() {
        assertThat(put("Doomed", Map.of("body", "SecurityAlert")).statusCode()).isEqualTo(201);

        assertThat(delete("Doomed").statusCode()).isEqualTo(204);

        HttpResponse<String> read = server.get(FUNCTIONS + "/Doomed");
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(read).path("error").path("code").asText()).isEqualTo("FunctionNotFound");
        assertThat(delete("Doomed").statusCode()).isEqualTo(404);
    }

    @Test
    void testBodyThatDoesNotCompileIsRefusedWithItsPositionInTheBody() {
        HttpResponse<String> refused = put("Broken", Map.of("body", "SecurityAlert\n| where Colour == 1"));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidFunctionDefinition");
        assertThat(error.path("message").asText()).contains("line 2:9").contains("Colour");
        assertThat(error.path("innererror").path("part").asText()).isEqualTo("body");
        assertThat(error.path("innererror").path("line").asInt()).isEqualTo(2);
        assertThat(error.path("innererror").path("pos").asInt()).isEqualTo(9);
        assertThat(server.get(FUNCTIONS + "/Broken").statusCode()).isEqualTo(404);
    }

    @Test
    void testNameOfATableIsRefused() {
        HttpResponse<String> refused = put("SecurityAlert", Map.of("body", "print 1"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(refused).path("error").path("message").asText()).contains("clashes with the table");
    }

    @Test
    void testMissingBodyIsABadRequest() {
        HttpResponse<String> refused = put("Empty", Map.of("parameters", "()"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(refused).path("error").path("message").asText()).contains("'body'");
    }

    @Test
    void testUnknownWorkspaceIsNotFound() {
        HttpResponse<String> response = server.get("/api/workspaces/nowhere/functions");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("WorkspaceNotFound");
    }

    @Test
    void testEveryFunctionRouteNeedsAKey() {
        for (HttpRequest.Builder request : List.of(
                HttpRequest.newBuilder(server.uri(FUNCTIONS)).GET(),
                HttpRequest.newBuilder(server.uri(FUNCTIONS + "/Any")).GET(),
                HttpRequest.newBuilder(server.uri(FUNCTIONS + "/Any")).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"body\":\"SecurityAlert\"}")),
                HttpRequest.newBuilder(server.uri(FUNCTIONS + "/Any")).DELETE())) {
            HttpResponse<String> response = server.send(request);
            assertThat(response.statusCode()).as(request.build().toString()).isEqualTo(401);
        }
        assertThat(server.get(FUNCTIONS + "/Any").statusCode()).isEqualTo(404);
    }
}
