package dev.vigil.server.console.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.console.ConsoleSession;
import dev.vigil.server.query.QueryConcurrency;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Logs page's queries under the query API's governance, through the real server: the same
 * places to run (refused or queued as API queries are, sharing the places with them), a row in
 * {@code LAQueryLogs} naming the console, Cancel by id, a browser that hangs up, and a result of
 * which only the first rows are kept.
 */
class TestLogsQueryGovernance {
    private static final String PASSWORD = "logs-governance-passphrase";
    private static final String RUN = "/console/workspaces/default/logs/run";
    private static final String RUNNING = "/console/workspaces/default/logs/queries/";
    private static final String API_QUERY = "/v1/workspaces/default/query";
    private static final String API_QUERIES = "/v1/workspaces/default/queries";
    /** A cartesian join of 300,000 rows with 300,000: minutes of work unless something stops it. */
    private static final String HEAVY = "range x from 1 to 300000 step 1 | extend k = 1"
            + " | join kind=inner (range y from 1 to 300000 step 1 | extend k = 1) on k | count";

    @TempDir
    Path data;

    @Test
    void testAConsoleQueryIsLoggedInLAQueryLogsAsTheConsoles() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            ConsoleSession alice = alice(server);

            HttpResponse<String> answer = alice.postForm(RUN, Map.of("query", "range x from 1 to 3 step 1 // from the console", "timespan", "PT1H",
                    "queryId", "console-logged"));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("<strong>3</strong> rows");
            JsonNode row = loggedRow(server, "console-logged");
            assertThat(row.path("RequestClientApp").asText()).isEqualTo(LogsQueries.CLIENT_APP);
            assertThat(row.path("AADEmail").asText()).isEqualTo("alice");
            assertThat(row.path("AADClientId").asText()).isEqualTo("session");
            assertThat(row.path("QueryText").asText()).isEqualTo("range x from 1 to 3 step 1 // from the console");
            assertThat(row.path("QueryTimeRangeStart").asText()).isNotBlank();
            assertThat(row.path("ResponseCode").asInt()).isEqualTo(200);
            assertThat(row.path("ResponseRowCount").asInt()).isEqualTo(3);
        }
    }

    @Test
    void testAConsoleQueryAndAnApiQueryShareTheUsersPlaces() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s.withQueries(new QueryConcurrency(2, 1, 0, Duration.ZERO)))) {
            ConsoleSession alice = alice(server);
            String aliceKey = server.issueKey("alice");
            CompletableFuture<HttpResponse<String>> heavy = alice.postFormAsync(RUN, Map.of("query", HEAVY, "queryId", "console-heavy"));
            awaitRunning(server, "console-heavy");

            HttpResponse<String> apiRefused = server.sendJson("POST", API_QUERY, aliceKey, Map.of("query", "print 1"));
            HttpResponse<String> consoleRefused = alice.postForm(RUN, Map.of("query", "print 1", "queryId", "console-refused"));

            assertThat(apiRefused.statusCode()).as(apiRefused.body()).isEqualTo(429);
            assertThat(RunningServer.json(apiRefused).path("error").path("message").asText()).contains("'alice' already runs 1 queries");
            assertThat(consoleRefused.body()).contains("data-testid=\"query-error\"").contains("'alice' already runs 1 queries");
            assertThat(loggedRow(server, "console-refused").path("ResponseCode").asInt()).isEqualTo(429);
            assertThat(server.postJson(API_QUERY, Map.of("query", "print 1")).statusCode()).as("another user still has places").isEqualTo(200);
            assertThat(server.send(server.request(API_QUERIES + "/console-heavy").DELETE()).statusCode()).isEqualTo(202);
            assertThat(heavy.get(60, TimeUnit.SECONDS).body()).contains("cancelled");
        }
    }

    @Test
    void testAConsoleQueryWaitsForAPlaceThenRuns() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s.withQueries(new QueryConcurrency(1, 1, 4, Duration.ofSeconds(60))))) {
            ConsoleSession alice = alice(server);
            CompletableFuture<HttpResponse<String>> first = server.client().sendAsync(server.request(API_QUERY).header("Content-Type", "application/json")
                    .header("x-ms-client-request-id", "api-first").POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", HEAVY))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            awaitRunning(server, "api-first");

            CompletableFuture<HttpResponse<String>> waiting = alice.postFormAsync(RUN, Map.of("query", "print answer = 42", "queryId", "console-waits"));
            Eventually.await("the console's query queued", () -> metric(server, "vigil_queries_queued"), queued -> queued == 1);
            server.send(server.request(API_QUERIES + "/api-first").DELETE());

            assertThat(waiting.get(60, TimeUnit.SECONDS).body()).contains("<strong>1</strong> row").contains("<td>42</td>");
            assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void testCancelStopsTheUsersOwnQueryInTheEngine() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            ConsoleSession alice = alice(server);
            server.createUser("bob", PASSWORD);
            server.grant("bob", "Reader", "/workspaces/default");
            ConsoleSession bob = ConsoleSession.signIn(server, "bob", PASSWORD);
            CompletableFuture<HttpResponse<String>> heavy = alice.postFormAsync(RUN, Map.of("query", HEAVY, "queryId", "console-cancelled"));
            awaitRunning(server, "console-cancelled");

            HttpResponse<String> bobsCancel = bob.delete(RUNNING + "console-cancelled");
            HttpResponse<String> alicesCancel = alice.delete(RUNNING + "console-cancelled");

            assertThat(bobsCancel.statusCode()).isEqualTo(404);
            assertThat(alicesCancel.statusCode()).isEqualTo(202);
            assertThat(heavy.get(60, TimeUnit.SECONDS).body()).contains("data-testid=\"query-error\"").contains("cancelled (Cancel on the Logs page");
            assertThat(runningIds(server)).doesNotContain("console-cancelled");
            assertThat(loggedRow(server, "console-cancelled").path("ResponseCode").asInt()).isEqualTo(409);
            assertThat(metric(server, "vigil_queries_cancelled_total{reason=\"cancelled\"}")).isEqualTo(1);
        }
    }

    @Test
    void testABrowserThatHangsUpStopsItsQuery() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            ConsoleSession alice = alice(server);
            byte[] body = ("query=" + java.net.URLEncoder.encode(HEAVY, StandardCharsets.UTF_8) + "&queryId=console-hangs-up").getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + RUN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + alice.cookie() + "\r\nX-CSRF-Token: " + alice.csrfToken()
                        + "\r\nHX-Request: true\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                awaitRunning(server, "console-hangs-up");
            }

            Eventually.await("the query stopped", () -> runningIds(server), ids -> !ids.contains("console-hangs-up"));
            assertThat(loggedRow(server, "console-hangs-up").path("ResponseCode").asInt()).isEqualTo(499);
        }
    }

    @Test
    void testOnlyTheFirstRowsOfALargeResultAreKeptAndTheTotalIsTold() {
        try (RunningServer server = RunningServer.start(data, s -> s)) {
            ConsoleSession alice = alice(server);

            String answer = new LogsResults(alice, "default").runToEnd("range x from 1 to 25000 step 1", "console-large");

            assertThat(answer).contains("<strong>25000</strong> rows").contains("showing the first " + QueryResults.MAX_ROWS)
                    .contains("Page 1 of " + QueryResults.MAX_ROWS / LogsPages.PAGE_SIZE);
            assertThat(loggedRow(server, "console-large").path("ResponseRowCount").asInt()).isEqualTo(25000);
        }
    }

    private static ConsoleSession alice(RunningServer server) {
        server.createUser("alice", PASSWORD);
        server.grant("alice", "Reader", "/workspaces/default");
        return ConsoleSession.signIn(server, "alice", PASSWORD);
    }

    /** The query's row, once its group commit is through. */
    private static JsonNode loggedRow(RunningServer server, String queryId) {
        return Eventually.await("the query log row of " + queryId,
                () -> RunningServer.rowsByColumnName(server.query("LAQueryLogs | where CorrelationId == '" + queryId + "'")),
                found -> found.size() == 1).get(0);
    }

    /** Every running query's id, as an Owner of the workspace lists them. */
    private static List<String> runningIds(RunningServer server) {
        List<String> ids = new ArrayList<>();
        for (JsonNode query : RunningServer.json(server.get(API_QUERIES)).path("value")) {
            ids.add(query.path("id").asText());
        }
        return ids;
    }

    private static void awaitRunning(RunningServer server, String id) {
        Eventually.await("query '" + id + "' running", () -> runningIds(server), ids -> ids.contains(id));
    }

    private static double metric(RunningServer server, String sample) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(server.get("/metrics").body());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
