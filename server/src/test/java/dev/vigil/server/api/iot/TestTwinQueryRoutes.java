package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The twin query API over HTTP: IoT Hub's request body, paging headers and error shape. */
class TestTwinQueryRoutes {
    private static final String SUB = "query-sub";
    private static final String HUB_NAME = "query-hub";
    private static final String HUB = "/api/subscriptions/" + SUB + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + HUB_NAME;

    @RegisterExtension
    static final RunningServer server = RunningServer.perClass();

    @Test
    void testQueryByTagPagesWithTheContinuationHeader() {
        fleet();
        List<String> ids = new ArrayList<>();
        Optional<String> continuation = Optional.empty();
        int pages = 0;
        do {
            HttpResponse<String> page = query("SELECT * FROM devices WHERE tags.line = 'a'", continuation, 2);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("x-ms-item-type")).contains("twin");
            RunningServer.json(page).forEach(twin -> ids.add(twin.path("deviceId").asText()));
            continuation = page.headers().firstValue("x-ms-continuation");
            pages++;
        } while (continuation.isPresent());

        assertThat(pages).isEqualTo(2);
        assertThat(ids).containsExactly("dev-0", "dev-2", "dev-4");
    }

    @Test
    void testCountGroupedByTag() {
        fleet();

        JsonNode rows = RunningServer.json(query("SELECT tags.line AS line, COUNT() AS n FROM devices GROUP BY tags.line", Optional.empty(), 100));

        assertThat(rows.toString()).isEqualTo("[{\"line\":\"a\",\"n\":3},{\"line\":\"b\",\"n\":2},{\"n\":1}]");
    }

    @Test
    void testABadQueryIsArgumentInvalidNamingTheColumn() {
        fleet();

        HttpResponse<String> response = query("SELECT * FROM devices WHERE tags.line === 'a'", Optional.empty(), 100);
        HttpResponse<String> badSize = query("SELECT * FROM devices", Optional.empty(), 0);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("ArgumentInvalid");
        assertThat(error.path("message").asText()).startsWith("column 40:");
        assertThat(error.path("innererror").path("iotHubErrorCode").asInt()).isEqualTo(400004);
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(badSize).path("error").path("message").asText()).contains("x-ms-max-item-count");
    }

    /** Six devices: dev-0..dev-4 tagged line a/b alternately, sensor-1 untagged (created once per class). */
    private static void fleet() {
        if (server.get(HUB + "/devices/dev-4").statusCode() == 200) {
            return;
        }
        IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = Map.of("tags", Map.of("line", i % 2 == 0 ? "a" : "b"));
            HttpResponse<String> put = server.sendJson("PUT", HUB + "/devices/dev-" + i, server.apiKey(), body);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> query(String query, Optional<String> continuation, int pageSize) {
        HttpRequest.Builder request = server.request(HUB + "/devices/query").header("Content-Type", "application/json")
                .header("x-ms-max-item-count", Integer.toString(pageSize))
                .POST(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(Map.of("query", query))));
        continuation.ifPresent(token -> request.header("x-ms-continuation", token));
        return server.send(request);
    }
}
