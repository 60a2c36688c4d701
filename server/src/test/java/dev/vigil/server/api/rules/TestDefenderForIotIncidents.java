package dev.vigil.server.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** End to end: a brute force on a device becomes an IoT alert, a SecurityAlert row, and an incident when the connector's option says so. */
class TestDefenderForIotIncidents {
    private static final String SUBSCRIPTIONS = "/api/workspaces/default/dataConnectors/IoT/subscriptions";
    private static final String IOT_ROWS = "SecurityAlert | where ProductName == 'Azure Security Center for IoT'";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testConnectingWithCreateIncidentsMakesAnIncidentOfEachIotAlert() {
        String key = createHub(server);
        connect(server, true);
        JsonNode rule = RunningServer.json(server.get(RuleFixtures.RULES + "a2e0eb51-1f11-461a-999b-cd0ebe5c7a72"));
        assertThat(rule.path("properties").path("enabled").asBoolean()).isTrue();
        assertThat(rule.path("properties").path("productFilter").asText()).isEqualTo("Azure Security Center for IoT");

        sendBruteForce(server, IotDevices.DEVICE, key);
        awaitRows(server, feedVersions(server));
        server.server().awaitAnalytics();

        // one incident per alert: the brute force raises more than one. Waited for, not read once: rows a
        // query already sees can be a moment ahead of the ingestion ledger that incident creation follows.
        int alerts = (int) server.count(IOT_ROWS + " | summarize dcount(SystemAlertId)");
        JsonNode incidents = Eventually.await(alerts + " incidents", () -> RunningServer.json(server.get("/api/workspaces/default/incidents")).path("value"),
                value -> value.size() >= alerts, DEADLINE);
        assertThat(incidents).hasSize(alerts);
        assertThat(incidents.findValuesAsText("title")).contains("Successful Bruteforce attempt");
        assertThat(incidents.findValues("relatedAnalyticRuleIds")).allSatisfy(ids ->
                assertThat(ids.path(0).asText()).isEqualTo("a2e0eb51-1f11-461a-999b-cd0ebe5c7a72"));
    }

    @Test
    void testNoIncidentWhileTheOptionIsOffAndOneAgainOnceItIsOn() {
        String key = createHub(server);
        connect(server, true);
        connect(server, false);
        assertThat(RunningServer.json(server.get(RuleFixtures.RULES + "a2e0eb51-1f11-461a-999b-cd0ebe5c7a72")).path("properties").path("enabled")
                .asBoolean()).isFalse();

        sendBruteForce(server, IotDevices.DEVICE, key);
        awaitRows(server, feedVersions(server));
        server.server().awaitAnalytics();
        assertThat(RunningServer.json(server.get("/api/workspaces/default/incidents")).path("value")).isEmpty();

        // another device: the first one's alerts would only get new versions, which never make incidents
        connect(server, true);
        sendBruteForce(server, "sensor-2", IotDevices.addDevice(server, "sub-1", "plant-hub", "sensor-2"));
        awaitRows(server, feedVersions(server));
        server.server().awaitAnalytics();
        Eventually.await("an incident once the option is on again", () -> RunningServer.json(server.get("/api/workspaces/default/incidents")).path("value"),
                value -> !value.isEmpty(), DEADLINE);
    }

    private static void connect(RunningServer server, boolean createIncidents) {
        HttpResponse<String> connected = server.sendJson("PUT", SUBSCRIPTIONS + "/sub-1", server.apiKey(), Map.of("createIncidents", createIncidents));
        assertThat(connected.statusCode()).as(connected.body()).isIn(200, 201);
    }

    /** Subscription sub-1, resource group rg-1, hub plant-hub with monitoring on, device sensor-1; returns the device's key. */
    private static String createHub(RunningServer server) {
        return IotDevices.createHub(server, "sub-1", "plant-hub", "Enabled");
    }

    /** Five failed SSH logins and a successful one, as one security message over HTTPS. */
    private static void sendBruteForce(RunningServer server, String device, String key) {
        HttpResponse<String> sent = IotDevices.sendOverHttps(server, "plant-hub", device, key,
                IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        server.server().awaitDetection();
    }

    /** How many alert versions the subscription's feed holds: the rows the connector writes for them. */
    private static long feedVersions(RunningServer server) {
        return RunningServer.json(server.get("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlertFeed?limit=1000")).path("value").size();
    }

    /** Waits until the connector has written at least this many IoT alert rows; returns how many there are. */
    private static long awaitRows(RunningServer server, long atLeast) {
        return Eventually.await(atLeast + " IoT SecurityAlert rows", () -> server.count(IOT_ROWS + " | count"), rows -> rows >= atLeast, DEADLINE);
    }
}
