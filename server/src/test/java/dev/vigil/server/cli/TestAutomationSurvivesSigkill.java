package dev.vigil.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.testing.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
 * A server process killed with SIGKILL while incidents are being created and an automation rule
 * acts on each: after a restart, every incident has been acted on exactly once (one label, one
 * task, one change signed by the rule, one health row), none twice and none missed.
 */
class TestAutomationSurvivesSigkill {
    private static final int CREATORS = 2;
    private static final int KILL_AFTER_CREATED = 30;
    private static final String RULE_NAME = "Tag every incident";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void testEveryIncidentIsActedOnExactlyOnceAcrossSigkill() throws Exception {
        ChildServer first = ChildServer.serve(data);
        String key = first.adminKey().orElseThrow(() -> new AssertionError("the first start prints the admin key"));
        Map<String, Object> rule = Map.of("properties", Map.of("displayName", RULE_NAME, "order", 1,
                "triggeringLogic", Map.of("isEnabled", true, "triggersOn", "Incidents", "triggersWhen", "Created"),
                "actions", List.of(Map.of("order", 1, "actionType", "ModifyProperties", "actionConfiguration", Map.of("labels", List.of(Map.of("labelName", "seen")))),
                        Map.of("order", 2, "actionType", "AddIncidentTask", "actionConfiguration", Map.of("title", "Look at it")))));
        HttpResponse<String> saved = send(first.url(), key, "PUT", "/api/workspaces/default/automationRules/tag", rule);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);

        Set<Integer> created = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(CREATORS);
        for (int c = 0; c < CREATORS; c++) {
            Thread creator = new Thread(() -> {
                try {
                    while (!killed.get()) {
                        int number = next.getAndIncrement();
                        HttpResponse<String> response;
                        try {
                            response = send(first.url(), key, "POST", "/api/workspaces/default/incidents",
                                    Map.of("properties", Map.of("title", "incident " + number, "severity", "Low")));
                        } catch (UncheckedIOException gone) {
                            return;
                        }
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                        created.add(number);
                        if (created.size() >= KILL_AFTER_CREATED && killed.compareAndSet(false, true)) {
                            first.kill();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            creator.start();
        }
        assertThat(done.await(120, TimeUnit.SECONDS)).as("creators finished").isTrue();
        assertThat(failure.get()).as("a creator failed").isNull();
        assertThat(killed).as("the server was killed mid-stream").isTrue();

        ChildServer second = ChildServer.serve(data);
        try {
            HttpResponse<String> list = send(second.url(), key, "GET", "/api/workspaces/default/incidents?$top=1000", null);
            long incidents = JSON.readTree(list.body()).path("value").size();
            assertThat(incidents).as("every acknowledged incident is there").isGreaterThanOrEqualTo(created.size());
            Eventually.await("automation to act on all " + incidents + " incidents",
                    () -> count(second.url(), key, "SentinelHealth | where OperationName == 'Automation rule run' | count"), runs -> runs >= incidents);

            assertThat(count(second.url(), key, "SentinelHealth | where OperationName == 'Automation rule run' | count")).isEqualTo(incidents);
            assertThat(count(second.url(), key, "SecurityIncident | where ModifiedBy == 'Automation rule - " + RULE_NAME + "'"
                    + " | summarize changes = count() by IncidentNumber | where changes == 1 | count")).isEqualTo(incidents);
            assertThat(count(second.url(), key, "SecurityIncident | summarize arg_max(LastModifiedTime, *) by IncidentNumber"
                    + " | where array_length(Tasks) == 1 and array_length(Labels) == 1 | count")).isEqualTo(incidents);
        } finally {
            second.stop();
        }
    }

    private HttpResponse<String> send(String url, String key, String method, String path, Object body) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String url, String key, String kql) {
        try {
            HttpResponse<String> response = send(url, key, "POST", "/v1/workspaces/default/query", Map.of("query", kql));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode rows = JSON.readTree(response.body()).path("tables").path(0).path("rows");
            return rows.path(0).path(0).asLong();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
