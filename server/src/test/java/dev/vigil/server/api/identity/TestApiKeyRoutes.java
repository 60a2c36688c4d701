package dev.vigil.server.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.server.testing.TestClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestApiKeyRoutes {
    private static final String TABLES = "/api/workspaces/default/tables";

    TestClock clock = TestClock.startingNow();

    @RegisterExtension
    final RunningServer server = RunningServer.perTest().withClock(clock);

    @BeforeEach
    void createAlice() {
        server.createUser("alice", null);
        server.grant("alice", "Reader", "/workspaces/default");
    }

    private JsonNode createKey(String user, String by, Map<String, Object> body) {
        HttpResponse<String> response = server.sendJson("POST", "/api/users/" + user + "/keys", by, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RunningServer.json(response);
    }

    private JsonNode keys(String user, String by) {
        return RunningServer.json(server.sendJson("GET", "/api/users/" + user + "/keys", by, null)).path("keys");
    }

    @Test
    void testAKeyActsAsItsUserAndIsShownOnlyOnce() {
        JsonNode created = createKey("alice", server.apiKey(), Map.of("description", "laptop"));
        String text = created.path("key").asText();

        assertThat(text).startsWith("vgl_" + created.path("id").asText() + "_");
        assertThat(server.sendJson("GET", TABLES, text, null).statusCode()).isEqualTo(200);
        assertThat(server.sendJson("POST", TABLES, text, Map.of()).statusCode()).isEqualTo(403);
        assertThat(keys("alice", server.apiKey()).toString()).doesNotContain(text.substring(21)).contains("laptop");
    }

    @Test
    void testARevokedKeyIsRefused() {
        JsonNode created = createKey("alice", server.apiKey(), Map.of());
        String text = created.path("key").asText();
        assertThat(server.sendJson("GET", TABLES, text, null).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = server.sendJson("DELETE", "/api/users/alice/keys/" + created.path("id").asText(), server.apiKey(), null);
        HttpResponse<String> refused = server.sendJson("GET", TABLES, text, null);

        assertThat(RunningServer.json(revoked).path("status").asText()).isEqualTo("Revoked");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(RunningServer.json(refused).path("error").path("message").asText()).contains("revoked");
    }

    @Test
    void testAnExpiredKeyIsRefused() {
        JsonNode created = createKey("alice", server.apiKey(), Map.of("expiresAt", clock.instant().plus(Duration.ofDays(1)).toString()));
        String text = created.path("key").asText();
        assertThat(server.sendJson("GET", TABLES, text, null).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        HttpResponse<String> refused = server.sendJson("GET", TABLES, text, null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(RunningServer.json(refused).path("error").path("message").asText()).contains("expired");
        assertThat(keys("alice", server.apiKey()).path(0).path("status").asText()).isEqualTo("Expired");
    }

    @Test
    void testAnExpiryInThePastIsRefused() {
        HttpResponse<String> response = server.sendJson("POST", "/api/users/alice/keys", server.apiKey(),
                Map.of("expiresAt", clock.instant().minusSeconds(1).toString()));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void testTheLastUseIsRecorded() {
        JsonNode created = createKey("alice", server.apiKey(), Map.of());
        assertThat(keys("alice", server.apiKey()).path(0).has("lastUsedAt")).isFalse();

        server.sendJson("GET", TABLES, created.path("key").asText(), null);

        assertThat(keys("alice", server.apiKey()).path(0).path("lastUsedAt").asText()).isEqualTo(clock.instant().toString());
    }

    @Test
    void testAUserManagesItsOwnKeysButNotOthers() {
        String own = createKey("alice", server.apiKey(), Map.of()).path("key").asText();
        JsonNode second = createKey("alice", own, Map.of("description", "made by alice"));

        assertThat(keys("alice", own)).hasSize(2);
        assertThat(server.sendJson("GET", "/api/users/admin/keys", own, null).statusCode()).isEqualTo(403);
        assertThat(server.sendJson("POST", "/api/users/admin/keys", own, Map.of()).statusCode()).isEqualTo(403);
        assertThat(server.sendJson("DELETE", "/api/users/alice/keys/" + second.path("id").asText(), own, null).statusCode()).isEqualTo(200);
    }

    @Test
    void testDeletingAUserRevokesItsKeys() {
        String text = createKey("alice", server.apiKey(), Map.of()).path("key").asText();

        assertThat(server.sendJson("DELETE", "/api/users/alice", server.apiKey(), null).statusCode()).isEqualTo(204);

        assertThat(server.sendJson("GET", TABLES, text, null).statusCode()).isEqualTo(401);
        assertThat(server.sendJson("GET", "/api/users/alice", server.apiKey(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void testTheFirstKeyBelongsToTheAdministratorWhoOwnsEverything() {
        JsonNode me = RunningServer.json(server.get("/api/me"));

        assertThat(me.path("user").asText()).isEqualTo("admin");
        assertThat(me.path("roleAssignments").path(0).path("scope").asText()).isEqualTo("/");
        assertThat(me.path("roleAssignments").path(0).path("role").asText()).isEqualTo("Owner");
    }
}
