package dev.vigil.server.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestQueryRoutes {
    private static final String QUERY = "/v1/workspaces/default/query";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @BeforeAll
    static void ingestAlerts() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        server.writeAsVigil("SecurityAlert", List.of(
                Map.of("AlertName", "Reverse shells", "AlertSeverity", "High", "TimeGenerated", now.minus(1, ChronoUnit.HOURS).toString()),
                Map.of("AlertName", "Bash history cleared", "AlertSeverity", "Low", "TimeGenerated", now.minus(3, ChronoUnit.DAYS).toString())));
    }

    @Test
    void testResultHasTheLogAnalyticsShape() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "SecurityAlert | summarize count() by AlertSeverity | sort by AlertSeverity asc"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"tables\":[{\"name\":\"PrimaryResult\","
                + "\"columns\":[{\"name\":\"AlertSeverity\",\"type\":\"string\"},{\"name\":\"count_\",\"type\":\"long\"}],"
                + "\"rows\":[[\"High\",1],[\"Low\",1]]}]}");
    }

    @Test
    void testForkAnswersATablePerSubqueryInOrder() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query",
                "SecurityAlert | fork Severe = (where AlertSeverity == \"High\" | project AlertName) (summarize n = count())"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"tables\":["
                + "{\"name\":\"Severe\",\"columns\":[{\"name\":\"AlertName\",\"type\":\"string\"}],\"rows\":[[\"Reverse shells\"]]},"
                + "{\"name\":\"GenericResult\",\"columns\":[{\"name\":\"n\",\"type\":\"long\"}],\"rows\":[[2]]}]}");
    }

    @Test
    void testSeveralTabularStatementsAnswerATablePerStatementInOrder() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query",
                "let high = SecurityAlert | where AlertSeverity == \"High\";\nhigh | project AlertName;\nhigh | count | as ['High alerts']"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"tables\":["
                + "{\"name\":\"Table_0\",\"columns\":[{\"name\":\"AlertName\",\"type\":\"string\"}],\"rows\":[[\"Reverse shells\"]]},"
                + "{\"name\":\"High alerts\",\"columns\":[{\"name\":\"Count\",\"type\":\"long\"}],\"rows\":[[1]]}]}");
    }

    @Test
    void testRenderComesBackAsVisualizationBesideTheUnchangedRows() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query",
                "SecurityAlert | summarize count() by AlertSeverity | sort by AlertSeverity asc | render barchart with (title='Alerts by severity')"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RunningServer.json(response);
        assertThat(body.path("render").path("visualization").asText()).isEqualTo("barchart");
        assertThat(body.path("render").path("title").asText()).isEqualTo("Alerts by severity");
        assertThat(body.path("tables").path(0).path("rows").toString()).isEqualTo("[[\"High\",1],[\"Low\",1]]");
    }

    @Test
    void testTimespanFiltersTimeGenerated() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "SecurityAlert | project AlertName", "timespan", "P1D"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("tables").path(0).path("rows").toString()).isEqualTo("[[\"Reverse shells\"]]");
    }

    @Test
    void testQueryCanBeGivenAsUrlParameters() {
        String kql = URLEncoder.encode("SecurityAlert | count", StandardCharsets.UTF_8);

        HttpResponse<String> response = server.get(QUERY + "?query=" + kql);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("tables").path(0).path("rows").path(0).path(0).asLong()).isEqualTo(2);
    }

    @Test
    void testSyntaxErrorIsABadArgumentWithLineAndColumn() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "SecurityAlert\n| where AlertSeverity == "));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("BadArgumentError");
        assertThat(error.path("message").asText()).startsWith("line 2:");
        JsonNode inner = error.path("innererror");
        assertThat(inner.path("code").asText()).isEqualTo("SyntaxError");
        assertThat(inner.path("line").asInt()).isEqualTo(2);
        assertThat(inner.path("pos").asInt()).isGreaterThan(1);
        assertThat(inner.path("diagnostics")).isNotEmpty();
    }

    @Test
    void testEverySyntaxErrorOfAQueryIsListedWithItsLineAndColumn() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "SecurityAlert\n| where AlertSeverity ==\n| sort AlertName"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode diagnostics = RunningServer.json(response).path("error").path("innererror").path("diagnostics");
        assertThat(diagnostics).hasSize(2);
        assertThat(diagnostics.path(0).path("line").asInt()).isEqualTo(3);
        assertThat(diagnostics.path(0).path("pos").asInt()).isEqualTo(1);
        assertThat(diagnostics.path(1).path("line").asInt()).isEqualTo(3);
        assertThat(diagnostics.path(1).path("pos").asInt()).isEqualTo(8);
        assertThat(diagnostics.path(1).path("message").asText()).contains("'by'");
    }

    @Test
    void testCurrentPrincipalIsTheSignedInUser() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "print who = current_principal(), ws = current_database()"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode row = RunningServer.json(response).path("tables").path(0).path("rows").path(0);
        assertThat(row.path(0).asText()).isEqualTo("admin");
        assertThat(row.path(1).asText()).isEqualTo("default");
    }

    @Test
    void testUnknownColumnIsASemanticErrorWithLineAndColumn() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "SecurityAlert | where Colour == \"red\""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode inner = RunningServer.json(response).path("error").path("innererror");
        assertThat(inner.path("code").asText()).isEqualTo("SemanticError");
        assertThat(inner.path("line").asInt()).isEqualTo(1);
        assertThat(inner.path("pos").asInt()).isEqualTo(23);
        assertThat(inner.path("message").asText()).contains("Colour");
    }

    @Test
    void testMissingQueryIsABadArgument() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("timespan", "PT1H"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("BadArgumentError");
        assertThat(error.path("message").asText()).contains("'query'");
    }

    @Test
    void testInvalidTimespanIsRefused() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "SecurityAlert | count", "timespan", "last week"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("InvalidTimespan");
    }

    @Test
    void testUnknownWorkspaceIsNotFound() {
        HttpResponse<String> response = server.postJson("/v1/workspaces/nowhere/query", Map.of("query", "SecurityAlert | count"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("WorkspaceNotFound");
    }

    @Test
    void testMalformedBodyIsRefusedWithItsPosition() {
        HttpResponse<String> response = server.post(QUERY, "application/json", "{\"query\": \"SecurityAlert\",,}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidJson");
        assertThat(error.path("innererror").path("column").asInt()).isEqualTo(27);
    }
}
