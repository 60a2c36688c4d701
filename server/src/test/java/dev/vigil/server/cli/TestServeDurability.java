package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server process killed with SIGKILL right after acknowledging a batch, while other batches are
 * in flight, has every acknowledged row after a restart, and no batch in part.
 */
class TestServeDurability {
    private static final int SENDERS = 3;
    private static final int ROWS_PER_BATCH = 50;
    private static final int KILL_AFTER_ACKNOWLEDGED_BATCHES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "Alerts_CL";

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void testEveryAcknowledgedRowSurvivesSigkill() throws Exception {
        ChildServer first = ChildServer.serve(data);
        String key = first.adminKey().orElseThrow(() -> new AssertionError("the first start prints the admin key"));
        createTable(first.url(), key);

        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger nextBatch = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<Throwable> senderFailure = new AtomicReference<>();
        CountDownLatch sendersDone = new CountDownLatch(SENDERS);
        for (int s = 0; s < SENDERS; s++) {
            Thread sender = new Thread(() -> {
                try {
                    while (!killed.get()) {
                        int batch = nextBatch.getAndIncrement();
                        if (!send(first.url(), key, batch)) {
                            return;
                        }
                        acknowledged.add(batch);
                        if (acknowledged.size() >= KILL_AFTER_ACKNOWLEDGED_BATCHES && killed.compareAndSet(false, true)) {
                            first.kill();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    senderFailure.compareAndSet(null, e);
                } finally {
                    sendersDone.countDown();
                }
            });
            sender.start();
        }
        assertThat(sendersDone.await(120, TimeUnit.SECONDS)).as("senders finished").isTrue();
        assertThat(senderFailure.get()).as("a sender failed").isNull();
        assertThat(killed).as("the server was killed mid-stream").isTrue();

        ChildServer second = ChildServer.serve(data);
        try {
            assertThat(second.adminKey()).as("a restart prints no new key").isEmpty();
            Map<String, Long> rowsByBatch = rowsByBatch(second.url(), key);

            for (int batch : acknowledged) {
                assertThat(rowsByBatch.get("batch-" + batch)).as("rows of acknowledged batch %d", batch).isEqualTo(ROWS_PER_BATCH);
            }
            assertThat(rowsByBatch.values()).as("no batch is there in part").allMatch(rows -> rows == ROWS_PER_BATCH);
        } finally {
            second.stop();
        }
    }

    private void createTable(String url, String key) throws IOException, InterruptedException {
        Map<String, Object> table = Map.of("name", TABLE, "columns", List.of(Map.of("name", "AlertName", "type", "string"),
                Map.of("name", "AlertType", "type", "string"), Map.of("name", "SystemAlertId", "type", "string")));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/workspaces/default/tables"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(table)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** @return whether the server acknowledged the batch; false when it is gone */
    private boolean send(String url, String key, int batch) throws InterruptedException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_BATCH; i++) {
            rows.add(Map.of("AlertName", "Failed local login", "AlertType", "batch-" + batch, "SystemAlertId", batch + "-" + i));
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/workspaces/default/tables/" + TABLE + "/rows"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(rows)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Map<String, Long> rowsByBatch(String url, String key) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", TABLE + " | summarize count() by AlertType"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/v1/workspaces/default/query"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode row : JSON.readTree(response.body()).path("tables").path(0).path("rows")) {
            counts.put(row.get(0).asText(), row.get(1).asLong());
        }
        return counts;
    }
}
