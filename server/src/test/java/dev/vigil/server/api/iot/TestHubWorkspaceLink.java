package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pointing a hub's security monitoring at a workspace makes the hub write {@code SecurityIoTRawEvent}
 * rows there, so it needs Contributor on that workspace, not only a role on the subscription.
 */
class TestHubWorkspaceLink {
    private static final String SUB = "/api/subscriptions/link-sub";
    private static final String HUBS = SUB + "/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/";
    private static final String SOLUTION = "/providers/Microsoft.Security/iotSecuritySolutions/default";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();
    /** Owner of the subscription, no role on any workspace. */
    static String subscriptionOwner;
    /** Contributor on the subscription, Reader on 'team-b'. */
    static String teamReader;
    /** Contributor on the subscription and on 'team-b'. */
    static String teamContributor;

    @BeforeAll
    static void createWorkspacesAndCallers() {
        server.createWorkspace("prod");
        server.createWorkspace("team-b");
        assertThat(server.sendJson("PUT", SUB, server.apiKey(), Map.of("displayName", "Plant")).statusCode()).isEqualTo(200);
        assertThat(server.sendJson("PUT", SUB + "/resourceGroups/rg", server.apiKey(), Map.of()).statusCode()).isEqualTo(200);
        subscriptionOwner = caller("sub-owner", Map.of("/subscriptions/link-sub", "Owner"));
        teamReader = caller("team-reader", Map.of("/subscriptions/link-sub", "Contributor", "/workspaces/team-b", "Reader"));
        teamContributor = caller("team-contributor", Map.of("/subscriptions/link-sub", "Contributor", "/workspaces/team-b", "Contributor"));
    }

    private static String caller(String user, Map<String, String> roles) {
        server.createUser(user, null);
        roles.forEach((scope, role) -> server.grant(user, role, scope));
        return server.issueKey(user);
    }

    @Test
    void testASubscriptionOwnerWithoutAWorkspaceRoleCannotPointAHubAtAnotherTeamsWorkspace() {
        createHub("owner-hub", Map.of("status", "Disabled"));

        HttpResponse<String> existing = putSolution("owner-hub", subscriptionOwner, Map.of("status", "Enabled", "workspace", "team-b"));
        HttpResponse<String> missing = putSolution("owner-hub", subscriptionOwner, Map.of("status", "Enabled", "workspace", "no-such-ws"));

        assertThat(existing.statusCode()).isEqualTo(400);
        assertThat(message(existing)).contains("'team-b'");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(message(missing)).contains("'no-such-ws'");
        // what the caller may not see looks exactly like what does not exist
        assertThat(message(existing).replace("team-b", "X")).isEqualTo(message(missing).replace("no-such-ws", "X"));
        assertThat(solution("owner-hub").path("properties").path("status").asText()).isEqualTo("Disabled");
    }

    @Test
    void testNoOneLinksAHubToTheAuditWorkspace() {
        createHub("audit-hub", Map.of("status", "Disabled"));

        HttpResponse<String> byOwner = putSolution("audit-hub", subscriptionOwner, Map.of("status", "Enabled", "workspace", "audit"));
        HttpResponse<String> byRootOwner = putSolution("audit-hub", server.apiKey(), Map.of("status", "Enabled", "workspace", "audit"));

        assertThat(byOwner.statusCode()).isEqualTo(400);
        assertThat(byRootOwner.statusCode()).isEqualTo(400);
        assertThat(message(byRootOwner)).contains("'audit'", "audit trail");
    }

    @Test
    void testCreatingAHubThatWritesIntoAWorkspaceIsCheckedToo() {
        HttpResponse<String> created = server.sendJson("PUT", HUBS + "created-hub", subscriptionOwner,
                Map.of("properties", Map.of("securitySettings", Map.of("status", "Enabled", "workspace", "team-b"))));

        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(server.get(HUBS + "created-hub").statusCode()).isEqualTo(404);
        // without settings a hub writes nowhere, so a subscription role is enough
        assertThat(server.sendJson("PUT", HUBS + "created-hub", subscriptionOwner, Map.of()).statusCode()).isEqualTo(200);
        // turning monitoring on sends it to the default workspace, where this caller holds no role
        HttpResponse<String> enabled = putSolution("created-hub", subscriptionOwner, Map.of("status", "Enabled"));
        assertThat(enabled.statusCode()).isEqualTo(400);
        assertThat(message(enabled)).contains("'default'");
    }

    @Test
    void testTurningMonitoringOnNeedsContributorOnTheWorkspace() {
        String deviceKey = createHub("team-hub", Map.of("status", "Disabled", "workspace", "team-b"));

        HttpResponse<String> asReader = putSolution("team-hub", teamReader, Map.of("status", "Enabled", "workspace", "team-b"));
        HttpResponse<String> asContributor = putSolution("team-hub", teamContributor, Map.of("status", "Enabled", "workspace", "team-b"));

        assertThat(asReader.statusCode()).isEqualTo(403);
        assertThat(message(asReader)).contains("requires Contributor on workspace 'team-b'");
        assertThat(asContributor.statusCode()).as(asContributor.body()).isEqualTo(200);
        assertThat(IotDevices.sendOverHttps(server, "team-hub", deviceKey, IotDevices.message(List.of(IotDevices.login(Instant.now(), "Success"))))
                .statusCode()).isEqualTo(204);
        assertThat(rawEvents("team-b", "team-hub")).isEqualTo(1);
    }

    @Test
    void testWithoutAWorkspaceRoleAHubCanBeTunedAndStoppedButNotRepointed() {
        createHub("prod-hub", Map.of("status", "Enabled", "workspace", "prod"));

        HttpResponse<String> repointed = putSolution("prod-hub", subscriptionOwner, Map.of("status", "Enabled", "workspace", "default"));
        HttpResponse<String> tuned = putSolution("prod-hub", subscriptionOwner,
                Map.of("status", "Enabled", "workspace", "prod", "collectedEventNames", List.of("Login")));
        HttpResponse<String> stopped = putSolution("prod-hub", subscriptionOwner, Map.of("status", "Disabled", "workspace", "prod"));
        HttpResponse<String> restarted = putSolution("prod-hub", subscriptionOwner, Map.of("status", "Enabled", "workspace", "prod"));

        assertThat(repointed.statusCode()).isEqualTo(400);
        assertThat(tuned.statusCode()).as(tuned.body()).isEqualTo(200);
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        assertThat(restarted.statusCode()).isEqualTo(400);
        assertThat(solution("prod-hub").path("properties").path("workspace").asText()).isEqualTo("prod");
    }

    @Test
    void testALinkChangeIsAuditedWithTheOldAndNewTargetInBothWorkspaces() {
        createHub("moving-hub", Map.of("status", "Enabled", "workspace", "prod"));

        HttpResponse<String> moved = putSolution("moving-hub", teamContributor, Map.of("status", "Enabled", "workspace", "team-b"));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        String kql = "VigilAudit | where Caller == 'team-contributor' and RequestPath endswith '/moving-hub" + SOLUTION + "'"
                + " | project previousWorkspace = tostring(Properties.previousWorkspace), workspace = tostring(Properties.workspace),"
                + " resourceId = tostring(Properties.resourceId), Category, Scope";
        for (String workspace : List.of("audit", "prod", "team-b")) {
            JsonNode row = Eventually.await("the link change in workspace " + workspace, () -> query(workspace, kql),
                    rows -> rows.size() == 1, Duration.ofSeconds(20)).get(0);
            assertThat(row.path("previousWorkspace").asText()).as(workspace).isEqualTo("prod");
            assertThat(row.path("workspace").asText()).isEqualTo("team-b");
            assertThat(row.path("resourceId").asText()).endsWith("/IotHubs/moving-hub");
            assertThat(row.path("Category").asText()).isEqualTo("IoT");
            assertThat(row.path("Scope").asText()).isEqualTo("/subscriptions/link-sub");
        }
    }

    /** A hub created by the root owner with these security settings and a device {@link IotDevices#DEVICE}; returns the device's key. */
    private static String createHub(String hub, Map<String, Object> securitySettings) {
        HttpResponse<String> created = server.sendJson("PUT", HUBS + hub, server.apiKey(), Map.of("properties", Map.of("securitySettings", securitySettings)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String device = HUBS + hub + "/devices/" + IotDevices.DEVICE;
        assertThat(server.sendJson("PUT", device, server.apiKey(), Map.of()).statusCode()).isEqualTo(200);
        return RunningServer.json(server.sendJson("POST", device + "/listKeys", server.apiKey(), null)).path("primaryKey").asText();
    }

    private static HttpResponse<String> putSolution(String hub, String key, Map<String, Object> properties) {
        return server.sendJson("PUT", HUBS + hub + SOLUTION, key, Map.of("properties", properties));
    }

    private static JsonNode solution(String hub) {
        return RunningServer.json(server.get(HUBS + hub + SOLUTION));
    }

    private static String message(HttpResponse<String> response) {
        return RunningServer.json(response).path("error").path("message").asText();
    }

    private static long rawEvents(String workspace, String hub) {
        return query(workspace, "SecurityIoTRawEvent | where AssociatedResourceId endswith '/" + hub + "' | count").get(0).path("Count").asLong();
    }

    private static List<JsonNode> query(String workspace, String kql) {
        HttpResponse<String> response = server.postJson("/v1/workspaces/" + workspace + "/query", Map.of("query", kql));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.rowsByColumnName(RunningServer.json(response).path("tables").path(0));
    }
}
