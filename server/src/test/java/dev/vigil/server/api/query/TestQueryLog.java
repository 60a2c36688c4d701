package dev.vigil.server.api.query;

import static dev.vigil.server.api.query.RunningQueriesProbe.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.workspace.api.QueryRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestQueryLog {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();
    private static String aliceKey;

    @BeforeAll
    static void alice() {
        server.createUser("alice", null);
        server.grant("alice", "Reader", "/workspaces/default");
        aliceKey = server.issueKey("alice");
    }

    @Test
    void testAQueryIsLoggedWithWhoRanItWhatItAskedAndHowItEnded() {
        HttpResponse<String> response = server.send(server.request(QUERY, aliceKey).header("Content-Type", "application/json")
                .header("x-ms-app", "test-suite")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", "range x from 1 to 3 step 1 // logged", "timespan", "PT1H")))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String id = response.headers().firstValue("x-ms-request-id").orElseThrow();

        JsonNode row = loggedRow(id);

        assertThat(row.path("AADEmail").asText()).isEqualTo("alice");
        assertThat(row.path("AADObjectId").asText()).isEqualTo("alice");
        assertThat(row.path("AADClientId").asText()).isNotBlank().isNotEqualTo("session");
        assertThat(row.path("QueryText").asText()).isEqualTo("range x from 1 to 3 step 1 // logged");
        assertThat(row.path("ResponseCode").asInt()).isEqualTo(200);
        assertThat(row.path("ResponseRowCount").asInt()).isEqualTo(3);
        assertThat(row.path("ResponseDurationMs").asDouble()).isPositive();
        assertThat(row.path("RequestClientApp").asText()).isEqualTo("test-suite");
        assertThat(row.path("RequestTarget").asText()).isEqualTo("/workspaces/default");
        assertThat(row.path("RequestContext").asText()).isEqualTo("{\"workspaces\":[\"default\"]}");
        assertThat(row.path("QueryTimeRangeStart").asText()).isNotBlank();
        assertThat(row.path("StatsWorkspaceCount").asInt()).isEqualTo(1);
    }

    @Test
    void testARefusedQueryIsLoggedWithItsStatus() {
        HttpResponse<String> response = server.sendJson("POST", QUERY, aliceKey, Map.of("query", "SecurityAlert | where"));
        assertThat(response.statusCode()).isEqualTo(400);

        JsonNode row = loggedRow(response.headers().firstValue("x-ms-request-id").orElseThrow());

        assertThat(row.path("ResponseCode").asInt()).isEqualTo(400);
        assertThat(row.path("ResponseRowCount").asInt()).isZero();
    }

    @Test
    void testVigilsOwnQueriesAreNotLogged() {
        server.server().logStore().query("default", QueryRequest.of("print internal = 'not logged'"));
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "print user = 'logged'"));

        loggedRow(response.headers().firstValue("x-ms-request-id").orElseThrow());

        assertThat(server.count("LAQueryLogs | where QueryText has 'not logged' | count")).isZero();
    }

    @Test
    void testObfuscatedLiteralsAreLoggedAndAuditedMasked() {
        HttpResponse<String> ran = server.sendJson("POST", QUERY, aliceKey, Map.of("query", "print k = h'k3yValue', u = \"https://x/?\" h@\"sig=s1gValue\""));
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        assertThat(ran.body()).contains("k3yValue");
        assertThat(loggedRow(ran.headers().firstValue("x-ms-request-id").orElseThrow()).path("QueryText").asText())
                .isEqualTo("print k = h'*****', u = \"https://x/?\" h@\"*****\"");

        // the error quotes the format named, which is obfuscated: the answer, the log and the audit show it masked
        HttpResponse<String> refused = server.sendJson("POST", QUERY, aliceKey,
                Map.of("query", "externaldata (x:string) [\"https://lists.example/a.csv\"] with (format=h'f0rmatSecret')"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("cannot read the format '*****'").doesNotContain("f0rmatSecret");
        assertThat(loggedRow(refused.headers().firstValue("x-ms-request-id").orElseThrow()).toString()).doesNotContain("f0rmatSecret");
        List<JsonNode> audited = Eventually.await("the audit row of the refused query",
                () -> RunningServer.rowsByColumnName(server.query("VigilAudit | where ResultDescription has 'cannot read the format'")),
                found -> found.size() == 1);
        assertThat(audited.get(0).toString()).doesNotContain("f0rmatSecret").contains("*****");
    }

    /** The query's row, once its group commit is through. */
    private static JsonNode loggedRow(String queryId) {
        List<JsonNode> rows = Eventually.await("the query log row of " + queryId,
                () -> RunningServer.rowsByColumnName(server.query("LAQueryLogs | where CorrelationId == '" + queryId + "'")),
                found -> found.size() == 1);
        return rows.get(0);
    }
}
