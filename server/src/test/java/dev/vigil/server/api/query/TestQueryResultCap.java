package dev.vigil.server.api.query;

import static dev.vigil.server.api.query.RunningQueriesProbe.QUERY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.workspace.api.QueryLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestQueryResultCap {
    private static final int ROW_CAP = 1_000;
    private static final long BYTE_CAP = 100_000;

    @TempDir
    static Path data;
    private static RunningServer server;

    @BeforeAll
    static void start() {
        server = RunningServer.start(data, s -> s.withStorage(s.storage().withQueryLimits(QueryLimits.defaults().withResultCap(ROW_CAP, BYTE_CAP))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void testFiftyMillionRowsComeBackAsTheFirstRowsAndAPartialError() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "range x from 1 to 50000000 step 1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RunningServer.json(response);
        JsonNode rows = body.path("tables").path(0).path("rows");
        assertThat(rows.size()).isEqualTo(ROW_CAP);
        assertThat(rows.path(ROW_CAP - 1).path(0).asLong()).isEqualTo(ROW_CAP);
        JsonNode error = body.path("error");
        assertThat(error.path("code").asText()).isEqualTo("PartialError");
        JsonNode detail = error.path("details").path(0);
        assertThat(detail.path("code").asText()).isEqualTo("QueryResultTooLarge");
        assertThat(detail.path("innererror").path("code").asText()).isEqualTo("E_QUERY_RESULT_SET_TOO_LARGE");
        assertThat(detail.path("message").asText()).contains("record count limit of 1000 rows");
    }

    @Test
    void testRowsPastTheSizeCapAreCutWithAPartialError() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "range x from 1 to 900 step 1 | project s = strrep('x', 998)"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RunningServer.json(response);
        assertThat(body.path("tables").path(0).path("rows").size()).isEqualTo((int) (BYTE_CAP / 1003));
        assertThat(body.path("error").path("details").path(0).path("message").asText()).contains("data size limit of " + BYTE_CAP + " bytes");
    }

    @Test
    void testAResultWithinTheCapsHasNoError() {
        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "range x from 1 to " + ROW_CAP + " step 1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = RunningServer.json(response);
        assertThat(body.path("tables").path(0).path("rows").size()).isEqualTo(ROW_CAP);
        assertThat(body.has("error")).isFalse();
    }

    @Test
    void testTheAnswerIsStreamedRatherThanBuiltWhole() throws IOException {
        String body = RunningServer.toJson(Map.of("query", "range x from 1 to 900 step 1 | project s = strrep('y', 98)"));

        List<String> head = responseHead(body);

        assertThat(head.get(0)).isEqualTo("HTTP/1.1 200 OK");
        // a body built whole would have its length announced; a streamed one ends when the connection does
        List<String> headers = head.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        assertThat(headers).noneMatch(h -> h.startsWith("content-length:"));
        assertThat(headers).contains("connection: close");
    }

    @Test
    void testAFlatOrOfThreeHundredTermsRuns() {
        String terms = IntStream.range(0, 300).mapToObj(i -> "x == " + i).collect(Collectors.joining(" or "));

        HttpResponse<String> response = server.postJson(QUERY, Map.of("query", "range x from 1 to 1000 step 1 | where " + terms + " | count"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("tables").path(0).path("rows").path(0).path(0).asLong()).isEqualTo(299);
    }

    /** The status line and headers of a query's answer, read off the wire as the server sent them. */
    private static List<String> responseHead(String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.server().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + QUERY + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + server.apiKey()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }
}
