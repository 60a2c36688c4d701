package dev.vigil.server.api.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.ServerSettings;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.workspace.api.StorageSettings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One client's bad row never fails another client's rows, which would share its group commit. */
class TestIngestionIsolation {
    private static final String TABLE = "Alerts_CL";
    private static final String ROWS = "/api/workspaces/default/tables/" + TABLE + "/rows";

    @TempDir
    Path data;

    @Test
    void testALoneSurrogateFailsOnlyItsRequestAndAConcurrentClientsRowsAreCommitted() throws Exception {
        // a batch waits 2 s for more requests, so both clients' rows would go into one commit
        try (RunningServer server = RunningServer.start(data, s -> new ServerSettings(
                new StorageSettings(s.storage().dataDirectory(), 50_000, Duration.ofSeconds(2), 500_000), s.host(), s.port(), s.maxBodyBytes()))) {
            server.createTable(TABLE, "SystemAlertId", "string", "AlertName", "string");
            CompletableFuture<HttpResponse<String>> bad = send(server,
                    "[{\"SystemAlertId\":\"bad-0\"},{\"SystemAlertId\":\"bad-1\",\"AlertName\":\"x\\ud800y\"}]");
            CompletableFuture<HttpResponse<String>> good = send(server,
                    "[{\"SystemAlertId\":\"good-0\"},{\"SystemAlertId\":\"good-1\",\"AlertName\":\"x\\ud83d\\ude00y\"}]");

            HttpResponse<String> refused = bad.get(30, TimeUnit.SECONDS);
            HttpResponse<String> committed = good.get(30, TimeUnit.SECONDS);

            assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode error = RunningServer.json(refused).path("error");
            assertThat(error.path("code").asText()).isEqualTo("InvalidRows");
            assertThat(error.path("innererror").path("errors").path(0).path("row").asInt()).isEqualTo(1);
            assertThat(error.path("innererror").path("errors").path(0).path("column").asText()).isEqualTo("AlertName");
            assertThat(refused.body()).doesNotContain(data.toString());
            assertThat(server.count("Alerts_CL | where SystemAlertId startswith \"good-\" | count")).isEqualTo(2);
            assertThat(server.count("Alerts_CL | where SystemAlertId startswith \"bad-\" | count")).isZero();
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(RunningServer server, String body) {
        return server.client().sendAsync(server.request(ROWS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
