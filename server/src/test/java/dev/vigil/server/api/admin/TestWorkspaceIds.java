package dev.vigil.server.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Workspace ids are unique regardless of case, ASCII only, and one workspace never reaches another's data. */
class TestWorkspaceIds {
    private static final String WORKSPACES = "/api/workspaces";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();
    private static String carolKey;

    @BeforeAll
    static void createWorkspaceWithData() {
        server.createWorkspace("ws2");
        HttpResponse<String> table = server.postJson("/api/workspaces/ws2/tables",
                Map.of("name", "Secrets_CL", "columns", List.of(Map.of("name", "Value", "type", "string"))));
        assertThat(table.statusCode()).as(table.body()).isEqualTo(201);
        HttpResponse<String> rows = server.postJson("/api/workspaces/ws2/tables/Secrets_CL/rows", List.of(Map.of("Value", "of ws2")));
        assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
        server.createUser("carol", null);
        carolKey = server.issueKey("carol");
    }

    private static HttpResponse<String> create(String id) {
        return server.postJson(WORKSPACES, Map.of("id", id));
    }

    private static List<String> workspaces() {
        List<String> ids = new ArrayList<>();
        RunningServer.json(server.get(WORKSPACES)).path("workspaces").forEach(w -> ids.add(w.path("id").asText()));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"WS2", "Ws2", "wS2"})
    void workspaceIdsDifferingOnlyInCaseAreRefusedNamingTheExistingOne(String id) {
        HttpResponse<String> response = create(id);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("WorkspaceIdConflict");
        assertThat(error.path("message").asText()).isEqualTo("workspace '" + id + "' cannot be created: workspace 'ws2' exists,"
                + " and workspace ids are unique regardless of case");
        assertThat(error.path("innererror").path("existingWorkspace").asText()).isEqualTo("ws2");
        assertThat(workspaces()).contains("ws2").doesNotContain(id);
    }

    @Test
    void theAuditWorkspaceCannotBeReachedAsAudit() {
        HttpResponse<String> response = create("Audit");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(RunningServer.json(response).path("error").path("innererror").path("existingWorkspace").asText()).isEqualTo("audit");
        HttpResponse<String> grant = server.sendJson("POST", "/api/roleAssignments", server.apiKey(),
                Map.of("user", "carol", "role", "Owner", "scope", "/workspaces/Audit"));
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(404);
        assertThat(server.sendJson("POST", "/v1/workspaces/Audit/query", carolKey, Map.of("query", "VigilAudit | count")).statusCode())
                .isEqualTo(404);
        assertThat(server.postJson("/v1/workspaces/Audit/query", Map.of("query", "VigilAudit | count")).statusCode()).isEqualTo(404);
    }

    @Test
    void aRoleOnOneWorkspaceReadsAndWritesNothingOfAnother() {
        server.createWorkspace("Plant-7");
        server.grant("carol", "Contributor", "/workspaces/Plant-7");

        HttpResponse<String> own = server.sendJson("POST", "/v1/workspaces/Plant-7/query", carolKey, Map.of("query", "print 1"));
        HttpResponse<String> other = server.sendJson("POST", "/v1/workspaces/ws2/query", carolKey, Map.of("query", "Secrets_CL"));
        HttpResponse<String> variant = server.sendJson("POST", "/v1/workspaces/plant-7/query", carolKey, Map.of("query", "print 1"));
        HttpResponse<String> write = server.sendJson("POST", "/api/workspaces/ws2/tables/Secrets_CL/rows", carolKey,
                List.of(Map.of("Value", "of carol")));
        HttpResponse<String> ownTables = server.sendJson("GET", "/api/workspaces/Plant-7/tables", carolKey, null);

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(variant.statusCode()).isEqualTo(404);
        assertThat(write.statusCode()).isEqualTo(404);
        assertThat(ownTables.body()).doesNotContain("Secrets_CL");
        assertThat(server.sendJson("POST", "/v1/workspaces/ws2/query", server.apiKey(), Map.of("query", "Secrets_CL | project Value"))
                .body()).contains("of ws2").doesNotContain("of carol");
    }

    @ParameterizedTest
    @ValueSource(strings = {"w\u017F2", "\u212Aey", "\uFF57\uFF53\uFF12", "stra\u00DFe", "\u0130stanbul", "ws2\u0301", "caf\u00E9"})
    void idsWithUnicodeLettersAreRefused(String id) {
        HttpResponse<String> response = create(id);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidWorkspaceId");
        assertThat(error.path("message").asText()).isEqualTo("workspace id '" + id + "' is not valid: use 1 to 63 ASCII letters,"
                + " digits, '-' or '_', starting with a letter or digit");
        assertThat(workspaces()).doesNotContain(id);
        String path = "/v1/workspaces/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/query";
        assertThat(server.postJson(path, Map.of("query", "print 1")).statusCode()).isEqualTo(404);
    }

    @Test
    void aMixedCaseIdIsKeptAsWrittenAndNamesItsWorkspaceExactly() {
        HttpResponse<String> created = create("PlantNorth");
        HttpResponse<String> again = create("PlantNorth");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(workspaces()).contains("PlantNorth").doesNotContain("plantnorth");
        assertThat(server.postJson("/v1/workspaces/PlantNorth/query", Map.of("query", "SecurityAlert | count")).statusCode()).isEqualTo(200);
        assertThat(server.postJson("/v1/workspaces/plantnorth/query", Map.of("query", "SecurityAlert | count")).statusCode()).isEqualTo(404);
    }
}
