package dev.vigil.server.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestExplainRoutes {
    private static final String EXPLAIN = "/v1/workspaces/default/explain";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @Test
    void testExplainAnswersThePlanWithTypesAndTheSql() {
        HttpResponse<String> response = server.postJson(EXPLAIN, Map.of("query", "SecurityAlert | where AlertSeverity == \"High\" | project AlertName"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode explanation = RunningServer.json(response);
        assertThat(explanation.path("plan").asText())
                .startsWith("#1 Project [AlertName = AlertName:string] -> (AlertName:string)\n")
                .contains("Filter ==(AlertSeverity:string, \"High\":string):bool")
                .contains("TableScan SecurityAlert");
        assertThat(explanation.path("sql").asText()).contains("\"ws_default\".\"SecurityAlert\"");
        assertThat(explanation.path("columns").toString()).isEqualTo("[{\"name\":\"AlertName\",\"type\":\"string\"}]");
    }

    @Test
    void testExplainOfSeveralTablesAnswersThePlanAndTheSqlOfEach() {
        HttpResponse<String> response = server.postJson(EXPLAIN, Map.of("query", "SecurityAlert | project AlertName; SecurityAlert | count"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode explanation = RunningServer.json(response);
        JsonNode tables = explanation.path("tables");
        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).path("name").asText()).isEqualTo("Table_0");
        assertThat(tables.get(1).path("name").asText()).isEqualTo("Table_1");
        assertThat(tables.get(1).path("columns").toString()).isEqualTo("[{\"name\":\"Count\",\"type\":\"long\"}]");
        assertThat(explanation.path("plan").asText()).startsWith("-- Table_0\n").contains("-- Table_1\n");
        assertThat(explanation.path("sql").asText()).startsWith("-- Table_0\n" + tables.get(0).path("sql").asText())
                .contains("-- Table_1\n" + tables.get(1).path("sql").asText());
        assertThat(explanation.path("columns").toString()).as("the first table's").isEqualTo("[{\"name\":\"AlertName\",\"type\":\"string\"}]");
    }

    @Test
    void testBadQueryIsRefusedWithLineAndPosition() {
        HttpResponse<String> response = server.postJson(EXPLAIN, Map.of("query", "SecurityAlert\n| where Colour == 1"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode inner = RunningServer.json(response).path("error").path("innererror");
        assertThat(inner.path("code").asText()).isEqualTo("SemanticError");
        assertThat(inner.path("line").asInt()).isEqualTo(2);
        assertThat(inner.path("pos").asInt()).isEqualTo(9);
    }

    @Test
    void testExplainNeedsAKey() {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri(EXPLAIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"SecurityAlert\"}")));

        assertThat(response.statusCode()).isEqualTo(401);
    }
}
