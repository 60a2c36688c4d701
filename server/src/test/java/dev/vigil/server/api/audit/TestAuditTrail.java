package dev.vigil.server.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit trail is a KQL-queryable table, written asynchronously through group commit. */
class TestAuditTrail {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    /** Rows of the query in the workspace, each as an object of column name to value, once at least {@code atLeast} are committed. */
    private static List<JsonNode> awaitRows(String workspace, String kql, int atLeast) {
        JsonNode table = Eventually.await(atLeast + " rows of '" + kql + "' in workspace " + workspace,
                () -> queryTable(workspace, kql), result -> result.path("rows").size() >= atLeast, Duration.ofSeconds(20));
        return RunningServer.rowsByColumnName(table);
    }

    private static JsonNode queryTable(String workspace, String kql) {
        HttpResponse<String> response = server.postJson("/v1/workspaces/" + workspace + "/query", Map.of("query", kql));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response).path("tables").path(0);
    }

    @Test
    void testAFailedAuthenticationIsRecordedWithTheKeyIdAndAddress() {
        server.send(HttpRequest.newBuilder(server.uri("/api/workspaces/default/tables"))
                .header("Authorization", "Bearer vgl_00000000deadbeef_notAValidSecretForAnyKeyAtAll").GET());

        List<JsonNode> rows = awaitRows("audit", "VigilAudit | where ApiKeyId == '00000000deadbeef'", 1);

        assertThat(rows).hasSize(1);
        JsonNode row = rows.get(0);
        assertThat(row.path("Category").asText()).isEqualTo("Authentication");
        assertThat(row.path("Outcome").asText()).isEqualTo("Denied");
        assertThat(row.path("StatusCode").asInt()).isEqualTo(401);
        assertThat(row.path("CallerIpAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(row.path("ErrorCode").asText()).isEqualTo("AuthenticationFailed");
        assertThat(row.path("RequestPath").asText()).isEqualTo("/api/workspaces/default/tables");
    }

    @Test
    void testAFailedLoginIsRecordedUnderTheNameTried() {
        server.send(HttpRequest.newBuilder(server.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"audit-probe\",\"password\":\"wrong password\"}")));

        List<JsonNode> rows = awaitRows("audit", "VigilAudit | where Caller == 'audit-probe'", 1);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("AuthenticationMethod").asText()).isEqualTo("Password");
        assertThat(rows.get(0).path("ErrorCode").asText()).isEqualTo("LoginFailed");
        assertThat(rows.get(0).path("Outcome").asText()).isEqualTo("Denied");
        assertThat(rows.get(0).toString()).doesNotContain("wrong password");
    }

    @Test
    void testRoleAndKeyChangesAreRecordedWithTheirDetails() {
        server.createUser("audited", null);
        String assignment = server.grant("audited", "Reader", "/workspaces/default");
        String key = server.issueKey("audited");
        String keyId = key.substring(4, 20);
        server.sendJson("DELETE", "/api/users/audited/keys/" + keyId, server.apiKey(), null);
        server.sendJson("DELETE", "/api/roleAssignments/" + assignment, server.apiKey(), null);

        List<JsonNode> rows = awaitRows("audit",
                "VigilAudit | where tostring(Properties.user) == 'audited' | sort by TimeGenerated asc | project OperationName, Category, Caller, Scope, Outcome, Properties", 5);

        assertThat(rows).extracting(r -> r.path("OperationName").asText()).containsExactly(
                "POST /api/users",
                "POST /api/roleAssignments",
                "POST /api/users/{user}/keys",
                "DELETE /api/users/{user}/keys/{key}",
                "DELETE /api/roleAssignments/{id}");
        assertThat(rows).extracting(r -> r.path("Category").asText()).containsExactly("User", "RoleAssignment", "ApiKey", "ApiKey", "RoleAssignment");
        assertThat(rows).allSatisfy(r -> assertThat(r.path("Caller").asText()).isEqualTo("admin"));
        assertThat(rows.get(1).path("Scope").asText()).isEqualTo("/workspaces/default");
        assertThat(rows.get(1).path("Properties").toString()).contains("Reader");
        assertThat(rows.get(2).path("Properties").toString()).contains(keyId).doesNotContain(key.substring(21));
    }

    @Test
    void testAWorkspaceChangeIsAlsoRecordedInThatWorkspace() {
        server.postJson("/api/workspaces/default/tables", Map.of("name", "Audited_CL", "columns", List.of(Map.of("name", "V", "type", "string"))));

        String kql = "VigilAudit | where OperationName == 'POST /api/workspaces/{workspace}/tables' and Scope == '/workspaces/default'";
        assertThat(awaitRows("audit", kql, 1)).hasSize(1);
        assertThat(awaitRows("default", kql, 1)).hasSize(1);
    }

    @Test
    void testADeniedCallIsRecorded() {
        server.createUser("denied-user", null);
        server.grant("denied-user", "Reader", "/workspaces/default");
        String key = server.issueKey("denied-user");
        server.sendJson("POST", "/api/workspaces/default/tables/SecurityAlert/rows", key, List.of(Map.of("AlertName", "x")));

        List<JsonNode> rows = awaitRows("audit", "VigilAudit | where Caller == 'denied-user' and StatusCode == 403", 1);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("Category").asText()).isEqualTo("Authorization");
        assertThat(rows.get(0).path("ResultDescription").asText()).contains("requires Contributor on workspace 'default'");
    }

    @Test
    void testACsrfRefusalNamesTheUserWhoseSessionItRodeOn() {
        server.createUser("csrf-victim", "correct horse battery staple");
        HttpResponse<String> login = server.send(HttpRequest.newBuilder(server.uri("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"csrf-victim\",\"password\":\"correct horse battery staple\"}")));
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        server.send(HttpRequest.newBuilder(server.uri("/api/users/csrf-victim/keys")).header("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        List<JsonNode> rows = awaitRows("audit", "VigilAudit | where ErrorCode == 'CsrfTokenInvalid' and RequestPath == '/api/users/csrf-victim/keys'", 1);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("Caller").asText()).isEqualTo("csrf-victim");
        assertThat(rows.get(0).path("AuthenticationMethod").asText()).isEqualTo("Session");
        assertThat(rows.get(0).path("Outcome").asText()).isEqualTo("Denied");
    }

    @Test
    void testIotChangesRecordWhatTheyChanged() {
        String hub = "/api/subscriptions/audit-sub/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/audited-hub";
        server.sendJson("PUT", "/api/subscriptions/audit-sub", server.apiKey(), Map.of("displayName", "Audited"));
        server.sendJson("PUT", "/api/subscriptions/audit-sub/resourceGroups/rg", server.apiKey(), Map.of());
        server.sendJson("PUT", hub, server.apiKey(), Map.of());
        server.sendJson("PUT", hub + "/devices/sensor-1", server.apiKey(), Map.of());
        server.sendJson("POST", hub + "/devices/sensor-1/disable", server.apiKey(), null);

        List<JsonNode> rows = awaitRows("audit", "VigilAudit | where RequestPath startswith '/api/subscriptions/audit-sub'"
                + " | sort by TimeGenerated asc | project OperationName, Category, Properties", 5);

        assertThat(rows).extracting(r -> r.path("Category").asText()).containsOnly("IoT");
        assertThat(rows).allSatisfy(r -> assertThat(r.path("Properties").asText()).isNotIn("", "{}"));
        assertThat(rows.get(0).path("Properties").asText()).contains("\"subscription\":\"audit-sub\"", "Audited");
        assertThat(rows.get(2).path("Properties").asText()).contains("/IotHubs/audited-hub", "\"created\":true");
        assertThat(rows.get(4).path("Properties").asText()).contains("/IotHubs/audited-hub/devices/sensor-1", "\"deviceStatus\":\"disabled\"");
    }

    @Test
    void testAcceptedDeviceMessagesLeaveNoRowWhileRefusedOnesDo() {
        String key = IotDevices.createHub(server, "audit-devices", "telemetry-hub", "Enabled");
        HttpResponse<String> accepted = IotDevices.sendOverHttps(server, "telemetry-hub", key,
                IotDevices.message(List.of(IotDevices.login(Instant.now(), "Success"))));
        HttpResponse<String> refused = server.send(HttpRequest.newBuilder(
                        server.uri("/devices/" + IotDevices.DEVICE + "/messages/events?api-version=2020-03-13"))
                .header("Authorization", "SharedAccessSignature sr=telemetry-hub.azure-devices.net%2Fdevices%2Fsensor-1&sig=bad&se=1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(accepted.statusCode()).isEqualTo(204);
        assertThat(refused.statusCode()).isEqualTo(401);
        List<JsonNode> rows = awaitRows("audit", "VigilAudit | where RequestPath startswith '/devices/' and StatusCode == 401", 1);
        assertThat(rows).hasSize(1);
        assertThat(queryTable("audit", "VigilAudit | where RequestPath startswith '/devices/' and StatusCode < 400").path("rows")).isEmpty();
    }

    @Test
    void testAReadRefusedWithNotFoundIsRecordedAsDeniedAlsoInThatWorkspace() {
        server.createWorkspace("probed");
        server.createUser("prober", null);
        String key = server.issueKey("prober");

        HttpResponse<String> probe = server.send(server.request("/api/workspaces/probed/tables", key).GET());

        assertThat(probe.statusCode()).isEqualTo(404);
        String kql = "VigilAudit | where Caller == 'prober' and HttpMethod == 'GET'";
        for (String workspace : List.of("audit", "probed")) {
            List<JsonNode> rows = awaitRows(workspace, kql, 1);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).path("StatusCode").asInt()).isEqualTo(404);
            assertThat(rows.get(0).path("Outcome").asText()).isEqualTo("Denied");
            assertThat(rows.get(0).path("Category").asText()).isEqualTo("Authorization");
            assertThat(rows.get(0).path("RequestPath").asText()).isEqualTo("/api/workspaces/probed/tables");
            assertThat(rows.get(0).path("ErrorCode").asText()).isEqualTo("WorkspaceNotFound");
        }
    }

    @Test
    void testAReadOfSomethingMissingIsRecordedAsFailed() {
        server.get("/api/workspaces/default/functions/NoSuchFunction");

        List<JsonNode> rows = awaitRows("audit", "VigilAudit | where RequestPath == '/api/workspaces/default/functions/NoSuchFunction'", 1);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("Caller").asText()).isEqualTo("admin");
        assertThat(rows.get(0).path("Outcome").asText()).isEqualTo("Failed");
        assertThat(rows.get(0).path("Category").asText()).isEqualTo("Function");
    }

    @Test
    void testTheAuditTableHasTypedColumns() {
        HttpResponse<String> response = server.get("/api/workspaces/audit/tables");
        JsonNode audit = null;
        for (JsonNode table : RunningServer.json(response).path("tables")) {
            if (table.path("name").asText().equals("VigilAudit")) {
                audit = table;
            }
        }

        assertThat(audit).isNotNull();
        assertThat(audit.path("columns").toString()).contains("{\"name\":\"StatusCode\",\"type\":\"int\"}",
                "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"}", "{\"name\":\"Properties\",\"type\":\"dynamic\"}",
                "{\"name\":\"DurationMs\",\"type\":\"real\"}");
    }
}
