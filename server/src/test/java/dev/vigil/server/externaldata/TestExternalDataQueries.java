package dev.vigil.server.externaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.outbound.HttpStepAllowList;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code externaldata} through the query API of a running server: a CSV served by a real HTTP server
 * on loopback, a file on disk, and the refusals of what the operator did not allow.
 */
class TestExternalDataQueries {
    private static final String QUERY = "/v1/workspaces/default/query";
    private static final HttpServer LISTS = serve();
    private static final Path FILES = directory();
    private static final String BASE = "http://127.0.0.1:" + LISTS.getAddress().getPort();

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass().withSettings(settings -> settings.withStorage(settings.storage().withExternalData(
            new AllowedExternalData(ExternalDataAllowList.parse(List.of(BASE + "/lists/", FILES.resolve("allowed").toString())),
                    HttpStepAllowList.parse(List.of("127.0.0.1:" + LISTS.getAddress().getPort())), 64))));

    private static HttpServer serve() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", exchange -> {
                String body = switch (exchange.getRequestURI().getPath()) {
                    case "/lists/hosts.csv", "/private/hosts.csv" -> "Host,Risk\nbad.example,90\n\"odd, host\",10\n";
                    case "/lists/big.csv" -> "x".repeat(65);
                    default -> null;
                };
                byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
                if (exchange.getRequestURI().getPath().equals("/lists/bomb.txt.gz")) {
                    // 30-odd bytes that expand to a thousand: the bound holds for the decompressed text too
                    bytes = gzip("x".repeat(1000));
                    body = "";
                }
                exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path directory() {
        try {
            Path root = Files.createTempDirectory("vigil-externaldata");
            Files.createDirectories(root.resolve("allowed"));
            Files.writeString(root.resolve("allowed/ports.tsv"), "22\tssh\n3389\trdp\n");
            Files.writeString(root.resolve("secret.csv"), "top,secret\n");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @AfterAll
    static void stopLists() {
        LISTS.stop(0);
    }

    private static HttpResponse<String> query(String kql) {
        return server.postJson(QUERY, Map.of("query", kql));
    }

    private static String rows(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response).path("tables").path(0).path("rows").toString();
    }

    private static String refusal(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        return error.path("message").asText();
    }

    @Test
    void testCsvServedOverHttpIsReadWithItsTypes() {
        HttpResponse<String> response = query("externaldata (Host:string, Risk:long) [@'" + BASE + "/lists/hosts.csv']"
                + " with (format='csv', ignoreFirstRecord=true) | where Risk > 5 | sort by Risk desc");

        assertThat(rows(response)).isEqualTo("[[\"bad.example\",90],[\"odd, host\",10]]");
    }

    @Test
    void testAFileInAnAllowedDirectoryIsRead() {
        HttpResponse<String> response = query("externaldata (Port:int, Service:string) [@'" + FILES.resolve("allowed/ports.tsv") + "']"
                + " | summarize max(Port)");

        assertThat(rows(response)).isEqualTo("[[3389]]");
    }

    @Test
    void testAUrlOutsideTheAllowedPrefixesIsRefusedNamingItAndTheSetting() {
        String url = BASE + "/private/hosts.csv";

        String message = refusal(query("externaldata (Host:string) ['" + url + "']"));

        assertThat(message).contains("'" + url + "' is not allowed").contains(ExternalDataAllowList.OPTION);
    }

    @Test
    void testClimbingOutOfAnAllowedPrefixOrDirectoryIsRefused() {
        assertThat(refusal(query("externaldata (Host:string) ['" + BASE + "/lists/../private/hosts.csv']"))).contains("is not allowed");
        assertThat(refusal(query("externaldata (a:string) [@'" + FILES.resolve("allowed/../secret.csv") + "']"))).contains("is not allowed");
    }

    @Test
    void testALocationLargerThanTheBoundFailsTheQueryNamingTheSetting() {
        String message = refusal(query("externaldata (x:string) ['" + BASE + "/lists/big.csv']"));

        assertThat(message).contains("holds more than 64 bytes").contains(AllowedExternalData.MAX_BYTES_OPTION);
    }

    @Test
    void testAnErrorAnswerOfTheServerIsReported() {
        assertThat(refusal(query("externaldata (x:string) ['" + BASE + "/lists/missing.csv']"))).contains("answered HTTP 404");
    }

    @Test
    void testACompressedLocationIsBoundedOnceDecompressed() {
        String message = refusal(query("externaldata (x:string) ['" + BASE + "/lists/bomb.txt.gz']"));

        assertThat(message).contains("more than 64 bytes once decompressed");
    }

    @Test
    void testASasInTheLocationIsSentButNeverShown() {
        String message = refusal(query("externaldata (x:string) ['" + BASE + "/lists/missing.csv?' h'sv=1&sig=s3cretSig']"));

        assertThat(message).contains("'" + BASE + "/lists/missing.csv?<hidden>' answered HTTP 404").doesNotContain("s3cretSig");
    }
}
