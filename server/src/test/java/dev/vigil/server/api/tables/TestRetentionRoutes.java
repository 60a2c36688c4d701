package dev.vigil.server.api.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retention over HTTP, in Log Analytics' shapes: the workspace default and a table's own setting. */
class TestRetentionRoutes {
    private static final String WORKSPACE = "/api/workspaces/default";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testATableFollowsTheWorkspaceDefaultUntilItHasItsOwnAndMinusOneResetsIt() {
        assertThat(retention(server.get(WORKSPACE + "/tables/Syslog"))).isEqualTo("90 default");

        HttpResponse<String> own = patch(WORKSPACE + "/tables/Syslog", 30);
        assertThat(retention(own)).isEqualTo("30 own");
        assertThat(RunningServer.json(own).path("totalRetentionInDays").asInt()).isEqualTo(30);

        assertThat(server.sendJson("PATCH", WORKSPACE, server.apiKey(), body(180)).statusCode()).isEqualTo(200);
        assertThat(retention(server.get(WORKSPACE + "/tables/SecurityAlert"))).isEqualTo("180 default");
        assertThat(retention(server.get(WORKSPACE + "/tables/Syslog"))).isEqualTo("30 own");

        assertThat(retention(patch(WORKSPACE + "/tables/Syslog", -1))).isEqualTo("180 default");
        assertThat(RunningServer.json(server.get(WORKSPACE)).path("properties").path("retentionInDays").asInt()).isEqualTo(180);
    }

    @Test
    void testRetentionOutsideTheAllowedDaysOrAnArchiveIsRefusedWithTheReason() {
        HttpResponse<String> tooShort = patch(WORKSPACE + "/tables/Syslog", 2);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(tooShort).path("error").path("code").asText()).isEqualTo("InvalidRetention");
        assertThat(tooShort.body()).contains("from 4 to 730 days, was 2");

        Map<String, Object> archive = new HashMap<>(Map.of("retentionInDays", 30, "totalRetentionInDays", 365));
        HttpResponse<String> refused = server.sendJson("PATCH", WORKSPACE + "/tables/Syslog", server.apiKey(), Map.of("properties", archive));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("totalRetentionInDays");

        assertThat(server.sendJson("PATCH", WORKSPACE + "/tables/NoSuch_CL", server.apiKey(), body(30)).statusCode()).isEqualTo(404);
        assertThat(server.sendJson("PATCH", WORKSPACE, server.apiKey(), body(-1)).statusCode()).isEqualTo(400);
    }

    @Test
    void testAReaderSeesRetentionButCannotChangeIt() {
        server.createUser("reader", "a long enough password 1");
        server.grant("reader", "Reader", "/workspaces/default");
        String key = server.issueKey("reader");

        assertThat(server.send(server.request(WORKSPACE + "/tables/Syslog", key).GET()).statusCode()).isEqualTo(200);
        assertThat(server.sendJson("PATCH", WORKSPACE + "/tables/Syslog", key, body(30)).statusCode()).isEqualTo(403);
        assertThat(server.sendJson("PATCH", WORKSPACE, key, body(60)).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> patch(String path, int days) {
        return server.sendJson("PATCH", path, server.apiKey(), body(days));
    }

    private static Map<String, Object> body(int days) {
        return Map.of("properties", Map.of("retentionInDays", days));
    }

    /** "days default" or "days own", from a table's JSON. */
    private static String retention(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode table = RunningServer.json(response);
        return table.path("retentionInDays").asInt() + (table.path("retentionInDaysAsDefault").asBoolean() ? " default" : " own");
    }
}
