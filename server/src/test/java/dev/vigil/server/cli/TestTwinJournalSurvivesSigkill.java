package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twins' write-ahead journal across real process ends: a server killed with SIGKILL right
 * after answering a twin patch leaves the change journaled and the next start has it; a server
 * stopped cleanly leaves an empty journal, and the next start still has every change.
 */
class TestTwinJournalSurvivesSigkill {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUB = "/api/subscriptions/journal-sub/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/journal-hub";
    private static final String TWIN = HUB + "/devices/sensor-1/twin";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void testAPatchAnsweredBeforeSigkillIsThereAfterARestartAndACleanStopLeavesAnEmptyJournal() throws Exception {
        ChildServer first = ChildServer.serve(data);
        String key = first.adminKey().orElseThrow(() -> new AssertionError("the first start prints the admin key"));
        try {
            send(first, key, "PUT", "/api/subscriptions/journal-sub", Map.of("displayName", "journal-sub"));
            send(first, key, "PUT", "/api/subscriptions/journal-sub/resourceGroups/rg-1", Map.of());
            send(first, key, "PUT", HUB, Map.of("properties", Map.of("securitySettings", Map.of("status", "Disabled"))));
            send(first, key, "PUT", HUB + "/devices/sensor-1", Map.of());
            send(first, key, "PATCH", TWIN, Map.of("properties", Map.of("desired", Map.of("interval", 30))));
        } finally {
            first.kill();
        }
        assertThat(Files.size(journal())).as("SIGKILL leaves the journal for the next start to replay").isPositive();

        ChildServer second = ChildServer.serve(data);
        try {
            assertThat(desired(second, key).path("interval").asInt()).isEqualTo(30);
            assertThat(Files.size(journal())).as("the replayed journal is emptied").isZero();
            send(second, key, "PATCH", TWIN, Map.of("properties", Map.of("desired", Map.of("interval", 60))));
            assertThat(Files.size(journal())).isPositive();
        } finally {
            second.stop();
        }
        assertThat(Files.size(journal())).as("a clean stop empties the journal once the state store holds its changes").isZero();

        ChildServer third = ChildServer.serve(data);
        try {
            assertThat(desired(third, key).path("interval").asInt()).isEqualTo(60);
        } finally {
            third.stop();
        }
    }

    private Path journal() {
        return data.resolve("iot-twin-journal.ndjson");
    }

    private JsonNode desired(ChildServer server, String key) throws IOException, InterruptedException {
        return JSON.readTree(send(server, key, "GET", TWIN, null)).path("properties").path("desired");
    }

    private String send(ChildServer server, String key, String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
