package dev.vigil.server.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.ServerSettings;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.workspace.api.StorageSettings;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Body size limit and queue back-pressure, each on a server with small settings. */
class TestIngestionLimits {
    private static final long LIMIT = 64 * 1024;
    private static final String TABLE = "Alerts_CL";
    private static final String ROWS = "/api/workspaces/default/tables/" + TABLE + "/rows";
    private static final Pattern QUEUE_ROWS = Pattern.compile("(?m)^vigil_ingest_queue_rows(?:\\{[^}]*\\})? ([0-9.E]+)$");

    @TempDir
    Path data;

    /** The custom table the tests send rows to, made on each test's server. */
    private static RunningServer withTable(RunningServer server) {
        server.createTable(TABLE, "AlertName", "string", "SystemAlertId", "string", "Description", "string");
        return server;
    }

    private static String alerts(int count, String prefix) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("AlertName", "Failed local login", "SystemAlertId", prefix + i, "Description", "x".repeat(40)));
        }
        return RunningServer.toJson(rows);
    }

    @Test
    void testBodyOverTheLimitIsRefusedByItsContentLength() {
        try (RunningServer server = withTable(RunningServer.start(data, s -> new ServerSettings(s.storage(), s.host(), s.port(), LIMIT)))) {
            String body = alerts(1000, "big-");
            assertThat((long) body.length()).isGreaterThan(LIMIT);

            HttpResponse<String> response = server.send(server.request(ROWS)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            JsonNode error = RunningServer.json(response).path("error");
            assertThat(error.path("code").asText()).isEqualTo("PayloadTooLarge");
            assertThat(error.path("innererror").path("limitBytes").asLong()).isEqualTo(LIMIT);
            assertThat(server.count(TABLE + " | where SystemAlertId startswith \"big-\" | count")).isZero();
        }
    }

    @Test
    void testClientThatExpectsContinueIsRefusedBeforeSendingItsBody() throws IOException {
        try (RunningServer server = withTable(RunningServer.start(data, s -> new ServerSettings(s.storage(), s.host(), s.port(), LIMIT)));
             Socket socket = new Socket("127.0.0.1", server.server().port())) {
            // As curl does for large uploads: the headers only, then wait for 100 Continue or a final answer.
            // (A raw socket, because the JDK 17 HttpClient waits forever when the answer is final.)
            long declared = 4 * RefusedBody.DISCARD_LIMIT;
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + ROWS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + server.apiKey() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + declared + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(answer.readLine()).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void testStreamedBodyOverTheLimitIsRefused() {
        try (RunningServer server = withTable(RunningServer.start(data, s -> new ServerSettings(s.storage(), s.host(), s.port(), LIMIT)))) {
            byte[] body = alerts(1000, "streamed-").getBytes(StandardCharsets.UTF_8);

            // No Content-Length: the body arrives chunked and is counted as it is read.
            HttpResponse<String> response = server.send(server.request(ROWS)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            assertThat(server.count(TABLE + " | where SystemAlertId startswith \"streamed-\" | count")).isZero();
        }
    }

    @Test
    void testFullQueueAnswers429WithRetryAfter() throws Exception {
        // Batches close only after 3 s, so the first request's rows wait in the queue meanwhile.
        try (RunningServer server = withTable(RunningServer.start(data, s -> new ServerSettings(
                new StorageSettings(s.storage().dataDirectory(), 1_000, Duration.ofSeconds(3), 1_000), s.host(), s.port(), s.maxBodyBytes())))) {
            CompletableFuture<HttpResponse<String>> first = server.client().sendAsync(
                    server.request(ROWS).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(alerts(600, "first-"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitQueuedRows(server, 600);

            HttpResponse<String> second = server.post(ROWS, "application/json", alerts(600, "second-"));

            assertThat(second.statusCode()).as(second.body()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(RunningServer.json(second).path("error").path("code").asText()).isEqualTo("IngestionQueueFull");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(server.count(TABLE + " | where SystemAlertId startswith \"second-\" | count")).isZero();
        }
    }

    private static void awaitQueuedRows(RunningServer server, int rows) {
        Eventually.await("the ingestion queue holding " + rows + " rows", () -> queuedRows(server), queued -> queued >= rows, Duration.ofSeconds(10));
    }

    /** The queue gauge on /metrics, or -1 before it is there. */
    private static double queuedRows(RunningServer server) {
        Matcher gauge = QUEUE_ROWS.matcher(server.get("/metrics").body());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : -1;
    }
}
