package dev.vigil.server.api.query;

import static dev.vigil.server.api.query.RunningQueriesProbe.CARTESIAN;
import static dev.vigil.server.api.query.RunningQueriesProbe.QUERIES;
import static dev.vigil.server.api.query.RunningQueriesProbe.QUERY;
import static dev.vigil.server.api.query.RunningQueriesProbe.awaitRunning;
import static dev.vigil.server.api.query.RunningQueriesProbe.metric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.query.QueryConcurrency;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.workspace.api.QueryRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestQueryConcurrency {
    @TempDir
    Path data;

    @Test
    void testAQueryOverTheLimitGets429WhileIngestionAndVigilsOwnQueriesGoOn() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s.withQueries(new QueryConcurrency(1, 1, 0, Duration.ZERO)))) {
            HttpResponse<String> created = server.postJson("/api/workspaces/default/tables",
                    Map.of("name", "Readings_CL", "columns", List.of(Map.of("name", "Reading", "type", "string"))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            CompletableFuture<HttpResponse<String>> heavy = RunningQueriesProbe.start(server, server.apiKey(), "heavy", CARTESIAN);
            awaitRunning(server, "heavy");

            HttpResponse<String> refused = server.postJson(QUERY, Map.of("query", "print 1"));
            HttpResponse<String> ingested = server.postJson("/api/workspaces/default/tables/Readings_CL/rows",
                    List.of(Map.of("Reading", "while the query runs")));
            Object stored = server.server().logStore().query("default", QueryRequest.of("Readings_CL | where Reading == 'while the query runs' | count"))
                    .primary().rows().get(0).get(0);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(RunningServer.json(refused).path("error").path("code").asText()).isEqualTo("TooManyRequests");
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(200);
            assertThat(stored).isEqualTo(1L);
            assertThat(metric(server, "vigil_queries_running")).isEqualTo(1);
            assertThat(metric(server, "vigil_queries_throttled_total")).isEqualTo(1);
            server.send(server.request(QUERIES + "/heavy").DELETE());
            assertThat(heavy.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void testOneCallerCannotTakeEveryPlace() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s.withQueries(new QueryConcurrency(2, 1, 0, Duration.ZERO)))) {
            server.createUser("alice", null);
            server.grant("alice", "Reader", "/workspaces/default");
            String alice = server.issueKey("alice");
            CompletableFuture<HttpResponse<String>> heavy = RunningQueriesProbe.start(server, alice, "alices-heavy", CARTESIAN);
            awaitRunning(server, "alices-heavy");

            HttpResponse<String> alicesSecond = server.sendJson("POST", QUERY, alice, Map.of("query", "print 1"));
            HttpResponse<String> someoneElse = server.postJson(QUERY, Map.of("query", "print 1"));

            assertThat(alicesSecond.statusCode()).as(alicesSecond.body()).isEqualTo(429);
            assertThat(RunningServer.json(alicesSecond).path("error").path("message").asText()).contains("'alice' already runs 1 queries");
            assertThat(someoneElse.statusCode()).as(someoneElse.body()).isEqualTo(200);
            server.send(server.request(QUERIES + "/alices-heavy").DELETE());
            assertThat(heavy.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
        }
    }

    @Test
    void testAQueryWaitsForAPlaceBeforeItIsRefused() throws Exception {
        try (RunningServer server = RunningServer.start(data, s -> s.withQueries(new QueryConcurrency(1, 1, 4, Duration.ofSeconds(60))))) {
            CompletableFuture<HttpResponse<String>> heavy = RunningQueriesProbe.start(server, server.apiKey(), "first", CARTESIAN);
            awaitRunning(server, "first");
            CompletableFuture<HttpResponse<String>> waiting = RunningQueriesProbe.start(server, server.apiKey(), "second", "print answer = 42");
            Eventually.await("the second query queued", () -> metric(server, "vigil_queries_queued"), queued -> queued == 1);

            server.send(server.request(QUERIES + "/first").DELETE());

            HttpResponse<String> answer = waiting.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(RunningServer.json(answer).path("tables").path(0).path("rows").toString()).isEqualTo("[[42]]");
            assertThat(heavy.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
        }
    }
}
