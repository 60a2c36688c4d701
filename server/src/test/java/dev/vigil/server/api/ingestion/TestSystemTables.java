package dev.vigil.server.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tables Vigil writes take no rows through the ingestion API, whoever sends them. */
class TestSystemTables {
    private static final String CONTRIBUTOR = "forger";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();
    private static String contributorKey;

    @BeforeAll
    static void createContributor() {
        server.createUser(CONTRIBUTOR, null);
        server.grant(CONTRIBUTOR, "Contributor", "/workspaces/default");
        contributorKey = server.issueKey(CONTRIBUTOR);
    }

    private static HttpResponse<String> ingest(String key, String table, List<Map<String, Object>> rows) {
        return server.sendJson("POST", "/api/workspaces/default/tables/" + table + "/rows", key, rows);
    }

    @Test
    void aContributorCannotForgeABackdatedAuditRowAttributedToTheAdmin() {
        HttpResponse<String> response = ingest(contributorKey, "VigilAudit", List.of(Map.of("TimeGenerated", "2020-01-01T00:00:00Z",
                "Caller", "admin", "OperationName", "forged-by-contributor", "Outcome", "Succeeded", "StatusCode", 200)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("ReadOnlyTable");
        assertThat(error.path("message").asText()).isEqualTo("table 'VigilAudit' of workspace 'default' is written by Vigil alone"
                + " and takes no rows from clients; ingest into a custom table instead (its name ends in '_CL'; create it with the tables API)");
        assertThat(server.count("VigilAudit | where OperationName == 'forged-by-contributor' | count")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SecurityAlert", "SecurityIncident", "SecurityIoTRawEvent", "SentinelHealth", "VigilAudit", "LAQueryLogs"})
    void everyTableVigilWritesRefusesRowsFromClientsNamingTheTable(String table) {
        for (String key : List.of(contributorKey, server.apiKey())) {
            HttpResponse<String> response = ingest(key, table, List.of(Map.of("TimeGenerated", "2020-01-01T00:00:00Z")));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(RunningServer.json(response).path("error").path("message").asText()).startsWith("table '" + table + "'");
        }
        // the same rows sent as NDJSON take the store's body path, which checks the writer too
        HttpResponse<String> ndjson = server.post("/api/workspaces/default/tables/" + table + "/rows", "application/x-ndjson",
                "{\"TimeGenerated\":\"2020-01-01T00:00:00Z\"}\n");
        assertThat(ndjson.statusCode()).as(ndjson.body()).isEqualTo(403);
        assertThat(RunningServer.json(ndjson).path("error").path("code").asText()).isEqualTo("ReadOnlyTable");
        assertThat(server.count(table + " | where TimeGenerated < datetime(2021-01-01) | count")).isZero();
    }

    @Test
    void theRefusalIsAuditedAsDenied() {
        ingest(contributorKey, "SecurityAlert", List.of(Map.of("AlertName", "forged alert")));

        JsonNode table = Eventually.await("the audit row of the refused ingestion",
                () -> server.query("VigilAudit | where Caller == '" + CONTRIBUTOR + "' and ErrorCode == 'ReadOnlyTable'"),
                result -> result.path("rows").size() >= 1, Duration.ofSeconds(20));
        JsonNode row = RunningServer.rowsByColumnName(table).get(0);
        assertThat(row.path("StatusCode").asInt()).isEqualTo(403);
        assertThat(row.path("Outcome").asText()).isEqualTo("Denied");
        assertThat(server.count("SecurityAlert | where AlertName == 'forged alert' | count")).isZero();
    }

    @Test
    void reservedColumnsInRowsAreBadRowsNamingTheColumn() {
        HttpResponse<String> created = server.postJson("/api/workspaces/default/tables",
                Map.of("name", "Plain_CL", "columns", List.of(Map.of("name", "Value", "type", "string"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        HttpResponse<String> response = ingest(contributorKey, "Plain_CL", List.of(Map.of("Value", "a", "_IngestBatch", 999_999)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode rowError = RunningServer.json(response).path("error").path("innererror").path("errors").path(0);
        assertThat(rowError.path("column").asText()).isEqualTo("_IngestBatch");
        assertThat(rowError.path("reason").asText()).startsWith("column name '_IngestBatch' is reserved");
        assertThat(server.count("Plain_CL | count")).isZero();
    }
}
