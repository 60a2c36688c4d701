package dev.vigil.server.api.hunting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.api.content.ContentFixtures;
import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.query.QueryConcurrency;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hunting run, from the API or the console's Hunting page, is one of the caller's queries: it
 * gets an {@code LAQueryLogs} row naming them, and it counts against their places to run queries.
 */
class TestHuntingRunGovernance {
    private static final String PASSWORD = "hunting-governance-passphrase";
    private static final String QUERY_ID = "5d1c9a7e-8b3f-4e26-a0d4-7c9e2b1f6a35";
    private static final String API_RUN = "/api/workspaces/default/huntingQueries/" + QUERY_ID + "/run";
    private static final String CONSOLE_RUN = "/console/workspaces/default/hunting/queries/" + QUERY_ID + "/run";
    private static final String API_QUERY = "/v1/workspaces/default/query";
    private static final String API_QUERIES = "/v1/workspaces/default/queries";
    /** A cartesian join of 300,000 rows with 300,000: minutes of work unless something stops it. */
    private static final String HEAVY = "range x from 1 to 300000 step 1 | extend k = 1"
            + " | join kind=inner (range y from 1 to 300000 step 1 | extend k = 1) on k | count";

    @TempDir
    Path data;

    @Test
    void testAHuntingRunIsLoggedInLAQueryLogsUnderTheCallersName() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            importHuntingQueries(server);
            ConsoleSession alice = alice(server);
            String aliceKey = server.issueKey("alice");

            HttpResponse<String> api = server.sendJson("POST", API_RUN, aliceKey, Map.of());
            HttpResponse<String> console = alice.postForm(CONSOLE_RUN, Map.of("range", "PT1H"));

            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
            assertThat(console.body()).doesNotContain("data-testid=\"hunting-error\"");
            JsonNode apiRow = loggedRow(server, "RequestClientApp == '" + HuntingRoutes.CLIENT_APP + "'");
            assertThat(apiRow.path("AADEmail").asText()).isEqualTo("alice");
            assertThat(apiRow.path("AADClientId").asText()).isNotEqualTo("session").isNotBlank();
            assertThat(apiRow.path("QueryText").asText()).contains("Failed password");
            assertThat(apiRow.path("QueryTimeRangeStart").asText()).isNotBlank();
            assertThat(apiRow.path("ResponseCode").asInt()).isEqualTo(200);
            JsonNode consoleRow = loggedRow(server, "RequestClientApp == 'Vigil console hunting'");
            assertThat(consoleRow.path("AADEmail").asText()).isEqualTo("alice");
            assertThat(consoleRow.path("AADClientId").asText()).isEqualTo("session");
            assertThat(consoleRow.path("QueryText").asText()).contains("Failed password");
        }
    }

    @Test
    void testAHuntingRunTakesOneOfTheCallersPlacesAndIsRefusedWhenTheyHaveNone() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s.withQueries(new QueryConcurrency(2, 1, 0, Duration.ZERO)))) {
            importHuntingQueries(server);
            ConsoleSession alice = alice(server);
            String aliceKey = server.issueKey("alice");
            CompletableFuture<HttpResponse<String>> heavy = server.client().sendAsync(HttpRequest.newBuilder(server.uri(API_QUERY))
                    .header("Authorization", "Bearer " + aliceKey).header("Content-Type", "application/json")
                    .header("x-ms-client-request-id", "alice-heavy").POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", HEAVY))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Eventually.await("alice's heavy query running", () -> runningIds(server), ids -> ids.contains("alice-heavy"));

            HttpResponse<String> apiRefused = server.sendJson("POST", API_RUN, aliceKey, Map.of());
            HttpResponse<String> consoleRefused = alice.postForm(CONSOLE_RUN, Map.of("range", "PT1H"));
            HttpResponse<String> admin = server.postJson(API_RUN, Map.of());

            assertThat(apiRefused.statusCode()).as(apiRefused.body()).isEqualTo(429);
            assertThat(RunningServer.json(apiRefused).path("error").path("message").asText()).contains("'alice' already runs 1 queries");
            assertThat(consoleRefused.body()).contains("data-testid=\"hunting-error\"").contains("'alice' already runs 1 queries");
            assertThat(loggedRow(server, "RequestClientApp == '" + HuntingRoutes.CLIENT_APP + "' and AADEmail == 'alice'").path("ResponseCode").asInt()).isEqualTo(429);
            assertThat(admin.statusCode()).as("another user still has places: " + admin.body()).isEqualTo(200);
            assertThat(server.send(server.request(API_QUERIES + "/alice-heavy").DELETE()).statusCode()).isEqualTo(202);
            assertThat(heavy.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
        }
    }

    private static void importHuntingQueries(RunningServer server) {
        HttpResponse<String> response = server.postJson("/api/workspaces/default/alertRules/import", Map.of("files", ContentFixtures.files("Hunting Queries")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static ConsoleSession alice(RunningServer server) {
        server.createUser("alice", PASSWORD);
        server.grant("alice", "Reader", "/workspaces/default");
        return ConsoleSession.signIn(server, "alice", PASSWORD);
    }

    /** The one query log row that matches, once its group commit is through. */
    private static JsonNode loggedRow(RunningServer server, String predicate) {
        return Eventually.await("the query log row where " + predicate,
                () -> RunningServer.rowsByColumnName(server.query("LAQueryLogs | where " + predicate)),
                found -> found.size() == 1).get(0);
    }

    private static List<String> runningIds(RunningServer server) {
        List<String> ids = new ArrayList<>();
        for (JsonNode query : RunningServer.json(server.get(API_QUERIES)).path("value")) {
            ids.add(query.path("id").asText());
        }
        return ids;
    }
}
