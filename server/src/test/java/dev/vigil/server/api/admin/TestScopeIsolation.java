package dev.vigil.server.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Roles on one workspace or subscription say nothing about another; what one cannot see does not exist for it. */
class TestScopeIsolation {
    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();
    static String alice;
    static String bob;
    static String carol;

    @BeforeAll
    static void createUsersAndGrants() {
        server.createWorkspace("second");
        server.createUser("alice", null);
        server.createUser("bob", null);
        server.createUser("carol", null);
        server.grant("alice", "Owner", "/workspaces/default");
        server.grant("bob", "Owner", "/workspaces/second");
        server.grant("alice", "Contributor", "/subscriptions/sub-1");
        server.grant("carol", "Owner", "/subscriptions/sub-1");
        server.grant("bob", "Reader", "/subscriptions/sub-2");
        alice = server.issueKey("alice");
        bob = server.issueKey("bob");
        carol = server.issueKey("carol");
    }

    private static HttpResponse<String> query(String workspace, String key) {
        return server.sendJson("POST", "/v1/workspaces/" + workspace + "/query", key, Map.of("query", "SecurityAlert | count"));
    }

    @Test
    void testAnOwnerOfOneWorkspaceCannotSeeTheOther() {
        assertThat(query("default", alice).statusCode()).isEqualTo(200);
        assertThat(query("second", bob).statusCode()).isEqualTo(200);

        HttpResponse<String> hidden = query("second", alice);
        HttpResponse<String> missing = query("no-such-workspace", alice);

        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(hidden).path("error").path("code").asText()).isEqualTo("WorkspaceNotFound");
        assertThat(hidden.body()).isEqualTo(missing.body().replace("no-such-workspace", "second"));
        assertThat(server.sendJson("GET", "/api/workspaces/default/tables", bob, null).statusCode()).isEqualTo(404);
        assertThat(server.sendJson("POST", "/api/workspaces/default/tables/SecurityAlert/rows", bob, List.of(Map.of("AlertName", "x"))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void testWorkspaceListShowsOnlyWorkspacesWithARole() {
        assertThat(workspaces(alice)).containsExactly("default");
        assertThat(workspaces(bob)).containsExactly("second");
        assertThat(workspaces(server.apiKey())).contains("audit", "default", "second");
    }

    @Test
    void testAWorkspaceOwnerCannotGrantOnAnotherWorkspace() {
        HttpResponse<String> response = server.sendJson("POST", "/api/roleAssignments", alice,
                Map.of("user", "alice", "role", "Reader", "scope", "/workspaces/second"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(query("second", alice).statusCode()).isEqualTo(404);
    }

    @Test
    void testASubscriptionContributorCannotGrantRolesOnIt() {
        HttpResponse<String> response = server.sendJson("POST", "/api/roleAssignments", alice,
                Map.of("user", "bob", "role", "Reader", "scope", "/subscriptions/sub-1"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(response).path("error").path("message").asText())
                .contains("has Contributor on subscription 'sub-1'").contains("requires Owner on subscription 'sub-1'");
    }

    @Test
    void testASubscriptionOwnerGrantsOnItButNotOnAnother() {
        HttpResponse<String> granted = server.sendJson("POST", "/api/roleAssignments", carol,
                Map.of("user", "bob", "role", "Contributor", "scope", "/subscriptions/sub-1"));
        HttpResponse<String> refused = server.sendJson("POST", "/api/roleAssignments", carol,
                Map.of("user", "carol", "role", "Owner", "scope", "/subscriptions/sub-2"));

        assertThat(granted.statusCode()).isEqualTo(201);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(refused).path("error").path("code").asText()).isEqualTo("SubscriptionNotFound");
    }

    @Test
    void testSubscriptionRolesGiveNothingOnWorkspaces() {
        assertThat(query("default", carol).statusCode()).isEqualTo(404);
        assertThat(workspaces(carol)).isEmpty();
    }

    @Test
    void testRoleAssignmentsAreListedOnlyForVisibleScopes() {
        List<String> seenByCarol = scopes(carol);
        List<String> seenByBob = scopes(bob);

        assertThat(seenByCarol).contains("/subscriptions/sub-1").doesNotContain("/subscriptions/sub-2", "/workspaces/default", "/workspaces/second", "/");
        assertThat(seenByBob).contains("/workspaces/second", "/subscriptions/sub-2").doesNotContain("/workspaces/default", "/");
    }

    @Test
    void testRolesThatDoNotExistOnAScopeAreRefused() {
        HttpResponse<String> responder = server.sendJson("POST", "/api/roleAssignments", server.apiKey(),
                Map.of("user", "bob", "role", "Responder", "scope", "/subscriptions/sub-1"));
        HttpResponse<String> readerOnRoot = server.sendJson("POST", "/api/roleAssignments", server.apiKey(),
                Map.of("user", "bob", "role", "Reader", "scope", "/"));
        HttpResponse<String> badScope = server.sendJson("POST", "/api/roleAssignments", server.apiKey(),
                Map.of("user", "bob", "role", "Reader", "scope", "/hubs/x"));

        assertThat(List.of(responder.statusCode(), readerOnRoot.statusCode(), badScope.statusCode())).containsOnly(400);
        assertThat(RunningServer.json(responder).path("error").path("message").asText()).contains("Responder cannot be granted on subscription 'sub-1'");
    }

    @Test
    void testTheLastRootOwnerCannotBeRevoked() {
        String adminAssignment = RunningServer.json(server.get("/api/roleAssignments?scope=/&user=admin")).path("roleAssignments").path(0).path("id").asText();

        HttpResponse<String> response = server.sendJson("DELETE", "/api/roleAssignments/" + adminAssignment, server.apiKey(), null);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(server.get("/api/users").statusCode()).isEqualTo(200);
    }

    private static List<String> workspaces(String key) {
        List<String> ids = new ArrayList<>();
        RunningServer.json(server.sendJson("GET", "/api/workspaces", key, null)).path("workspaces").forEach(w -> ids.add(w.path("id").asText()));
        return ids;
    }

    private static List<String> scopes(String key) {
        List<String> scopes = new ArrayList<>();
        JsonNode list = RunningServer.json(server.sendJson("GET", "/api/roleAssignments", key, null)).path("roleAssignments");
        list.forEach(a -> scopes.add(a.path("scope").asText()));
        return scopes;
    }
}
