package dev.vigil.server.api.query;

import static dev.vigil.server.api.query.RunningQueriesProbe.CARTESIAN;
import static dev.vigil.server.api.query.RunningQueriesProbe.QUERIES;
import static dev.vigil.server.api.query.RunningQueriesProbe.QUERY;
import static dev.vigil.server.api.query.RunningQueriesProbe.awaitGone;
import static dev.vigil.server.api.query.RunningQueriesProbe.awaitRunning;
import static dev.vigil.server.api.query.RunningQueriesProbe.metric;
import static dev.vigil.server.api.query.RunningQueriesProbe.runningIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestQueryCancellation {
    private static final String TIMED_OUT = "vigil_queries_cancelled_total{reason=\"timed_out\"}";
    private static final String DISCONNECTED = "vigil_queries_cancelled_total{reason=\"client_disconnected\"}";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();
    private static String aliceKey;
    private static String bobKey;

    @BeforeAll
    static void users() {
        server.createUser("alice", null);
        server.grant("alice", "Reader", "/workspaces/default");
        aliceKey = server.issueKey("alice");
        server.createUser("bob", null);
        server.grant("bob", "Reader", "/workspaces/default");
        bobKey = server.issueKey("bob");
    }

    @Test
    void testAQueryPastItsPreferWaitIsStoppedWith504() {
        double timedOutBefore = metric(server, TIMED_OUT);

        HttpResponse<String> response = server.send(server.request(QUERY).header("Content-Type", "application/json").header("Prefer", "wait=1")
                .header("x-ms-client-request-id", "wait-one").POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", CARTESIAN)))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("GatewayTimeout");
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("timeout of 1 s");
        assertThat(response.headers().firstValue("Preference-Applied")).contains("wait=1");
        assertThat(runningIds(server, server.apiKey())).doesNotContain("wait-one");
        assertThat(metric(server, TIMED_OUT)).isEqualTo(timedOutBefore + 1);
    }

    @Test
    void testAWaitAboveTheMaximumIsCappedAndSaysSo() {
        HttpResponse<String> response = server.send(server.request(QUERY).header("Content-Type", "application/json").header("Prefer", "wait=999999")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", "print 1")))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Preference-Applied")).contains("wait=1800");
    }

    @Test
    void testAWaitThatIsNotWholeSecondsIsRefused() {
        HttpResponse<String> response = server.send(server.request(QUERY).header("Content-Type", "application/json").header("Prefer", "wait=soon")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", "print 1")))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("Prefer header's wait");
    }

    @Test
    void testEveryAnswerNamesItsQueryId() {
        HttpResponse<String> chosen = server.send(server.request(QUERY).header("Content-Type", "application/json").header("x-ms-client-request-id", "mine-1")
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", "print 1")))));
        HttpResponse<String> made = server.postJson(QUERY, Map.of("query", "print 1"));

        assertThat(chosen.headers().firstValue("x-ms-request-id")).contains("mine-1");
        assertThat(made.headers().firstValue("x-ms-request-id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void testAQueryWhoseClientHangsUpStopsRunning() throws Exception {
        double disconnectedBefore = metric(server, DISCONNECTED);
        byte[] body = RunningServer.toJson(Map.of("query", CARTESIAN)).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + QUERY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.apiKey()
                    + "\r\nx-ms-client-request-id: hangs-up\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            awaitRunning(server, "hangs-up");
        }

        awaitGone(server, "hangs-up");
        Eventually.await("the disconnect counted", () -> metric(server, DISCONNECTED), count -> count == disconnectedBefore + 1);
    }

    @Test
    void testCancellingByIdStopsTheQueryAndItsRequestAnswers409() throws Exception {
        CompletableFuture<HttpResponse<String>> running = RunningQueriesProbe.start(server, aliceKey, "alice-cancels", CARTESIAN);
        awaitRunning(server, "alice-cancels");

        HttpResponse<String> cancel = server.send(server.request(QUERIES + "/alice-cancels", aliceKey).DELETE());

        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
        assertThat(RunningServer.json(cancel).path("cancelling").asBoolean()).isTrue();
        HttpResponse<String> answer = running.get(60, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
        assertThat(RunningServer.json(answer).path("error").path("code").asText()).isEqualTo("QueryCancelled");
        assertThat(RunningServer.json(answer).path("error").path("message").asText()).contains("cancelled by 'alice'");
        awaitGone(server, "alice-cancels");
    }

    @Test
    void testOnlyTheCallerOrAnOwnerSeesAndCancelsAQuery() throws Exception {
        CompletableFuture<HttpResponse<String>> running = RunningQueriesProbe.start(server, aliceKey, "alices-own", CARTESIAN);
        awaitRunning(server, "alices-own");

        assertThat(runningIds(server, bobKey)).doesNotContain("alices-own");
        assertThat(runningIds(server, aliceKey)).contains("alices-own");
        HttpResponse<String> bobCancels = server.send(server.request(QUERIES + "/alices-own", bobKey).DELETE());
        assertThat(bobCancels.statusCode()).as(bobCancels.body()).isEqualTo(404);
        assertThat(RunningServer.json(bobCancels).path("error").path("code").asText()).isEqualTo("QueryNotFound");
        HttpResponse<String> ownerCancels = server.send(server.request(QUERIES + "/alices-own").DELETE());
        assertThat(ownerCancels.statusCode()).as(ownerCancels.body()).isEqualTo(202);

        assertThat(running.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
    }

    @Test
    void testCancellingAQueryThatIsNotRunningIs404() {
        HttpResponse<String> response = server.send(server.request(QUERIES + "/never-ran").DELETE());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("'never-ran'");
    }

    @Test
    void testAQueryIdInUseIsRefused() throws Exception {
        CompletableFuture<HttpResponse<String>> running = RunningQueriesProbe.start(server, aliceKey, "twice", CARTESIAN);
        awaitRunning(server, "twice");

        HttpResponse<String> second = RunningQueriesProbe.start(server, aliceKey, "twice", "print 1").get(30, TimeUnit.SECONDS);

        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(RunningServer.json(second).path("error").path("code").asText()).isEqualTo("QueryIdInUse");
        server.send(server.request(QUERIES + "/twice").DELETE());
        assertThat(running.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(409);
    }
}
