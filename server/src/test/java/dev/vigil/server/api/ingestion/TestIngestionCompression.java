package dev.vigil.server.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.ServerSettings;
import dev.vigil.server.testing.RunningServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Compressed ingestion bodies ({@code Content-Encoding}), as Log Analytics clients send them. */
class TestIngestionCompression {
    private static final String TABLE = "Alerts_CL";
    private static final String ROWS = "/api/workspaces/default/tables/" + TABLE + "/rows";

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @TempDir
    Path data;

    @BeforeAll
    static void createTable() {
        createTable(server);
    }

    private static void createTable(RunningServer on) {
        on.createTable(TABLE, "SystemAlertId", "string", "AlertName", "string");
    }

    private static HttpResponse<String> post(RunningServer to, String contentType, String contentEncoding, byte[] body) {
        return to.send(to.request(ROWS).header("Content-Type", contentType).header("Content-Encoding", contentEncoding)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String alerts(String... ids) {
        return RunningServer.toJson(Arrays.stream(ids).map(id -> Map.of("SystemAlertId", id, "AlertName", "Failed local login")).toList());
    }

    @Test
    void testAGzipBodyIsIngested() {
        HttpResponse<String> response = post(server, "application/json", "gzip", gzip(alerts("gzip-1", "gzip-2")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(server.count("Alerts_CL | where SystemAlertId startswith \"gzip-\" | count")).isEqualTo(2);
    }

    @Test
    void testADeflateNdjsonBodyIsIngested() {
        String lines = RunningServer.toJson(Map.of("SystemAlertId", "deflate-1")) + "\n" + RunningServer.toJson(Map.of("SystemAlertId", "deflate-2"));

        HttpResponse<String> response = post(server, "application/x-ndjson", "deflate", deflate(lines));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(server.count("Alerts_CL | where SystemAlertId startswith \"deflate-\" | count")).isEqualTo(2);
    }

    @Test
    void testABodyThatIsNotGzipIsRefusedAsSuch() {
        HttpResponse<String> response = post(server, "application/json", "gzip", alerts("not-gzip").getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidContentEncoding");
        assertThat(error.path("message").asText()).isEqualTo("The body is not valid gzip data, as its Content-Encoding says: Not in GZIP format.");
        assertThat(error.path("innererror").path("contentEncoding").asText()).isEqualTo("gzip");
    }

    @Test
    void testAGzipBodyCutShortIsRefused() {
        byte[] whole = gzip(alerts("cut-1", "cut-2", "cut-3"));

        HttpResponse<String> response = post(server, "application/json", "gzip", Arrays.copyOf(whole, whole.length / 2));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("InvalidContentEncoding");
        assertThat(server.count("Alerts_CL | where SystemAlertId startswith \"cut-\" | count")).isZero();
    }

    @Test
    void testAnEncodingNotSupportedIsRefusedNamingTheSupportedOnes() {
        HttpResponse<String> response = post(server, "application/json", "br", new byte[] {1, 2, 3});

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("UnsupportedContentEncoding");
        assertThat(error.path("innererror").path("supportedContentEncodings").toString()).isEqualTo("[\"gzip\",\"deflate\"]");
    }

    @Test
    void testABodyThatInflatesPastTheLimitIsRefusedAtTheLimit() {
        long limit = 64 * 1024;
        try (RunningServer small = RunningServer.start(data, s -> new ServerSettings(s.storage(), s.host(), s.port(), limit))) {
            // 50 MB of spaces inside an array: about 50 KB compressed, under the limit as sent
            createTable(small);
            byte[] bomb = gzip("[" + " ".repeat(50_000_000) + "]");
            assertThat((long) bomb.length).isLessThan(limit);

            HttpResponse<String> response = post(small, "application/json", "gzip", bomb);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            JsonNode error = RunningServer.json(response).path("error");
            assertThat(error.path("code").asText()).isEqualTo("PayloadTooLarge");
            assertThat(error.path("message").asText()).isEqualTo(
                    "The request body, decompressed, is larger than the limit of 65536 bytes; send the rows in smaller batches.");
        }
    }

    private static byte[] gzip(String text) {
        return compress(text, GZIPOutputStream::new);
    }

    private static byte[] deflate(String text) {
        return compress(text, DeflaterOutputStream::new);
    }

    private interface Compressor {
        OutputStream around(OutputStream out) throws IOException;
    }

    private static byte[] compress(String text, Compressor compressor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compressor.around(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
