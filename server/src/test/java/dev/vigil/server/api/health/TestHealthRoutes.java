package dev.vigil.server.api.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestHealthRoutes {
    private static final String TABLE = "Alerts_CL";
    private static final String ROWS = "/api/workspaces/default/tables/" + TABLE + "/rows";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testHealthNeedsNoKey() {
        HttpResponse<String> response = health();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void testStorageThatTakesNoWritesIsReportedUntilItRecoversWithoutARestart() {
        server.createTable(TABLE, "SystemAlertId", "string");
        // A file where the spool directory must be: a real condition that stops writes for root too.
        Path spool = server.dataDirectory().resolve("spool");
        Eventually.await("the spool directory replaced by a file", () -> replaceWithFile(spool), replaced -> replaced);

        HttpResponse<String> refused = server.postJson(ROWS, List.of(Map.of("SystemAlertId", "while-failing")));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(RunningServer.json(refused).path("error").path("code").asText()).isEqualTo("IngestCommitFailed");
        assertThat(refused.body()).doesNotContain(server.dataDirectory().toString());
        HttpResponse<String> failing = health();
        assertThat(failing.statusCode()).isEqualTo(503);
        JsonNode body = RunningServer.json(failing);
        assertThat(body.path("status").asText()).isEqualTo("unavailable");
        assertThat(body.path("storage").path("writable").asBoolean(true)).isFalse();
        assertThat(body.path("storage").path("reason").asText()).isEqualTo("the spool directory cannot be written: spool exists and is not a directory");
        assertThat(body.path("storage").path("since").asText()).isNotEmpty();
        assertThat(server.get("/metrics").body()).containsPattern("(?m)^vigil_storage_writable(\\{[^}]*\\})? 0\\.0$");

        delete(spool);

        Eventually.await("/healthz answering 200 again", () -> health().statusCode(), status -> status == 200);
        HttpResponse<String> committed = server.postJson(ROWS, List.of(Map.of("SystemAlertId", "after-recovery")));
        assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
        assertThat(server.count("Alerts_CL | where SystemAlertId in (\"while-failing\", \"after-recovery\") | count")).isEqualTo(1);
        assertThat(server.get("/metrics").body()).containsPattern("(?m)^vigil_storage_writable(\\{[^}]*\\})? 1\\.0$");
    }

    private HttpResponse<String> health() {
        return server.send(HttpRequest.newBuilder(server.uri("/healthz")).GET());
    }

    /** Moves the directory aside (commits keep going meanwhile) and puts a file in its place; false if a commit got in between. */
    private static boolean replaceWithFile(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                Files.move(directory, directory.resolveSibling(directory.getFileName() + "-aside-" + System.nanoTime()));
            }
            Files.writeString(directory, "in the way");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
