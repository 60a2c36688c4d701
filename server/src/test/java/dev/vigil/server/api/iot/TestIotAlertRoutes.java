package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Devices talk to the real server over MQTT (Paho) and HTTPS on loopback; the detection engine
 * raises IoT alerts into the state store; the alerts API shows them and changes their status.
 */
class TestIotAlertRoutes {
    private static final String ATTACKER = IotDevices.ATTACKER;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testBruteForceOverMqttRaisesASuccessfulBruteforceAlertWithDefenderProperties() throws MqttException {
        String key = createHub("sub-1", "plant-hub", "Enabled");
        MqttClient device = connect("plant-hub", key, Instant.now().plusSeconds(600));

        publish(device, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));

        JsonNode alert = awaitAlert("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts",
                a -> a.path("alertType").asText().equals("IoT_BruteForceSucceeded"));
        assertThat(alert.path("displayName").asText()).isEqualTo("Successful Bruteforce attempt");
        assertThat(alert.path("severity").asText()).isEqualTo("High");
        assertThat(alert.path("status").asText()).isEqualTo("New");
        assertThat(alert.path("resourceId").asText()).isEqualTo(hubResourceId("sub-1", "plant-hub"));
        JsonNode properties = alert.path("extendedProperties");
        assertThat(properties.path("Full Source Address").asText()).contains(ATTACKER);
        assertThat(properties.path("User Names").asText()).contains("root");
        assertThat(properties.path("DeviceId").asText()).isEqualTo("sensor-1");
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        assertThat(names).last().isEqualTo("DeviceId");
        assertThat(alert.path("entities").findValuesAsText("Type")).contains("iotdevice", "ip", "account");
        assertThat(alert.path("entities").findValuesAsText("Address")).contains(ATTACKER);

        String hubAlerts = "/api/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/plant-hub/providers/Microsoft.Security/iotAlerts";
        JsonNode highOnly = RunningServer.json(server.get(hubAlerts + "?severity=High&deviceId=sensor-1"));
        assertThat(highOnly.path("value").findValuesAsText("alertType")).containsExactly("IoT_BruteForceSucceeded");
        JsonNode one = RunningServer.json(server.get("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts/" + alert.path("alertId").asText()));
        assertThat(one.path("alertType").asText()).isEqualTo("IoT_BruteForceSucceeded");

        String metrics = server.get("/metrics").body();
        assertThat(metrics).containsPattern("vigil_iot_alerts_raised_total(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).containsPattern("vigil_iot_detection_events_total(\\{[^}]*\\})? [1-9]");
    }

    @Test
    void testHubWithMonitoringOffRaisesNothing() throws MqttException {
        String key = createHub("sub-1", "quiet-hub", "Disabled");
        MqttClient device = connect("quiet-hub", key, Instant.now().plusSeconds(600));

        publish(device, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThatThrownBy(() -> connect("quiet-hub", key, Instant.now().minusSeconds(60))).isInstanceOf(MqttException.class);
        server.server().awaitDetection();

        JsonNode alerts = RunningServer.json(server.get("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts"));
        assertThat(alerts.path("value")).isEmpty();
        assertThat(RunningServer.json(server.get("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlertFeed")).path("lastSequence").asLong())
                .isZero();
    }

    @Test
    void testExpiredSasTokenIsRefusedAndRaisesTheHubAlert() {
        String key = createHub("sub-1", "plant-hub", "Enabled");

        assertThatThrownBy(() -> connect("plant-hub", key, Instant.now().minusSeconds(60)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));

        JsonNode alert = awaitAlert("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts",
                a -> a.path("alertType").asText().equals("IoT_Expired_SAS_Token"));
        assertThat(alert.path("deviceId").asText()).isEqualTo("sensor-1");
        assertThat(alert.path("severity").asText()).isEqualTo("Low");
    }

    @Test
    void testStatusChangeAppearsAsANewFeedVersionAndBadTransitionsAreRefused() {
        String key = createHub("sub-1", "plant-hub", "Enabled");
        HttpResponse<String> sent = sendOverHttps("plant-hub", key, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        String alerts = "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts";
        String alertId = awaitAlert(alerts, a -> a.path("alertType").asText().equals("IoT_BruteForceSucceeded")).path("alertId").asText();
        String feed = "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlertFeed";
        long before = RunningServer.json(server.get(feed)).path("lastSequence").asLong();

        HttpResponse<String> changed = patch(alerts + "/" + alertId, Map.of("status", "InProgress"));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(RunningServer.json(changed).path("status").asText()).isEqualTo("InProgress");
        JsonNode page = RunningServer.json(server.get(feed + "?after=" + before));
        assertThat(page.path("value")).hasSize(1);
        JsonNode version = page.path("value").path(0);
        assertThat(version.path("sequence").asLong()).isEqualTo(before + 1);
        assertThat(version.path("changeKind").asText()).isEqualTo("STATUS_CHANGED");
        assertThat(version.path("alert").path("alertId").asText()).isEqualTo(alertId);
        assertThat(version.path("alert").path("status").asText()).isEqualTo("InProgress");
        assertThat(RunningServer.json(server.get(feed + "?after=" + page.path("nextCursor").asLong())).path("value")).isEmpty();
        assertThat(RunningServer.json(server.get(alerts + "?status=InProgress")).path("value").findValuesAsText("alertId")).containsExactly(alertId);

        assertThat(patch(alerts + "/" + alertId, Map.of("status", "Resolved")).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = patch(alerts + "/" + alertId, Map.of("status", "Dismissed"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(RunningServer.json(refused).path("error").path("code").asText()).isEqualTo("InvalidAlertStatusTransition");
        HttpResponse<String> unknown = patch(alerts + "/" + alertId, Map.of("status", "Closed"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(unknown).path("error").path("message").asText()).contains("'status' must be New, InProgress, Resolved or Dismissed");
        HttpResponse<String> missing = patch(alerts + "/no-such-alert", Map.of("status", "Resolved"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(missing).path("error").path("code").asText()).isEqualTo("AlertNotFound");
    }

    @Test
    void testReaderOfOneSubscriptionSeesOnlyItsHubsAlertsAndCannotChangeThem() {
        String plantKey = createHub("sub-1", "plant-hub", "Enabled");
        String otherKey = createHub("sub-2", "other-hub", "Enabled");
        assertThatThrownBy(() -> connect("plant-hub", plantKey, Instant.now().minusSeconds(60))).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> connect("other-hub", otherKey, Instant.now().minusSeconds(60))).isInstanceOf(MqttException.class);
        awaitAlert("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts", a -> true);
        String otherAlert = awaitAlert("/api/subscriptions/sub-2/providers/Microsoft.Security/iotAlerts", a -> true).path("alertId").asText();
        server.createUser("plant-reader", null);
        server.grant("plant-reader", "Reader", "/subscriptions/sub-1");
        String reader = server.issueKey("plant-reader");

        JsonNode feed = RunningServer.json(server.sendJson("GET", "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlertFeed", reader, null));

        assertThat(feed.path("value")).isNotEmpty();
        assertThat(feed.path("value").findValuesAsText("resourceId")).containsOnly(hubResourceId("sub-1", "plant-hub"));
        assertThat(server.sendJson("GET", "/api/subscriptions/sub-2/providers/Microsoft.Security/iotAlertFeed", reader, null).statusCode()).isEqualTo(404);
        // an alert of another subscription does not exist under this one
        assertThat(server.sendJson("GET", "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts/" + otherAlert, reader, null).statusCode())
                .isEqualTo(404);
        String plantAlert = feed.path("value").path(0).path("alert").path("alertId").asText();
        HttpResponse<String> change = server.sendJson("PATCH", "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts/" + plantAlert, reader,
                Map.of("status", "Resolved"));
        assertThat(change.statusCode()).isEqualTo(403);
    }

    @Test
    void testBruteForceWhoseFirstHalfCameBeforeARestartFiresAfterIt() throws MqttException {
        String key = createHub("sub-1", "plant-hub", "Enabled");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> firstHalf = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            firstHalf.add(login(start.plusSeconds(attempt), "Fail"));
        }
        publish(connect("plant-hub", key, Instant.now().plusSeconds(600)), message(firstHalf));
        server.server().awaitDetection();

        server.restart();
        List<String> secondHalf = List.of(login(start.plusSeconds(3), "Fail"), login(start.plusSeconds(4), "Fail"),
                login(start.plusSeconds(5), "Success"));
        publish(connect("plant-hub", key, Instant.now().plusSeconds(600)), message(secondHalf));

        JsonNode alert = awaitAlert("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts",
                a -> a.path("alertType").asText().equals("IoT_BruteForceSucceeded"));
        assertThat(alert.path("extendedProperties").path("Full Source Address").asText()).contains(ATTACKER);
        server.server().awaitDetection();
        JsonNode all = RunningServer.json(server.get("/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts"));
        assertThat(all.path("value").findValuesAsText("alertType")).containsExactlyInAnyOrder("IoT_BruteForceSucceeded", "IoT_BruteForceFailed");
    }

    @Test
    void testListsPageThroughNextLinkAndFilterByType() {
        String key = createHub("sub-1", "plant-hub", "Enabled");
        HttpResponse<String> sent = sendOverHttps("plant-hub", key, IotDevices.bruteForce(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        server.server().awaitDetection();
        String list = "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts";

        JsonNode first = RunningServer.json(server.get(list + "?$top=1&severity=Low"));
        JsonNode everything = RunningServer.json(server.get(list + "?$top=1"));
        java.net.URI next = java.net.URI.create(everything.path("nextLink").asText());
        JsonNode second = RunningServer.json(server.get(next.getRawPath() + "?" + next.getRawQuery()));

        assertThat(first.path("value").findValuesAsText("alertType")).containsExactly("IoT_BruteForceFailed");
        assertThat(everything.path("value")).hasSize(1);
        assertThat(next.getQuery()).contains("$skipToken=").contains("$top=1");
        assertThat(List.of(everything.path("value").path(0).path("alertType").asText(), second.path("value").path(0).path("alertType").asText()))
                .containsExactlyInAnyOrder("IoT_BruteForceFailed", "IoT_BruteForceSucceeded");
        assertThat(RunningServer.json(server.get(list + "?alertType=IoT_BruteForceSucceeded")).path("value").findValuesAsText("alertType"))
                .containsExactly("IoT_BruteForceSucceeded");
        HttpResponse<String> badToken = server.get(list + "?$skipToken=not-ours");
        assertThat(badToken.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(badToken).path("error").path("message").asText()).contains("$skipToken");
    }

    // --- devices

    /** Five failed SSH logins for root from one address, then a successful one, a second apart. */
    private static String message(List<String> events) {
        return IotDevices.message(events);
    }

    private static String login(Instant at, String result) {
        return IotDevices.login(at, result);
    }

    private MqttClient connect(String hub, String key, Instant expiry) throws MqttException {
        return IotDevices.connect(server, hub, key, expiry);
    }

    /** QoS 1: returns after the PUBACK, which the hub sends once the message is stored and handed to detection. */
    private static void publish(MqttClient client, String message) throws MqttException {
        client.publish(IotDevices.SECURITY_TOPIC, message.getBytes(StandardCharsets.UTF_8), 1, false);
        client.disconnect();
        client.close();
    }

    private HttpResponse<String> sendOverHttps(String hub, String key, String message) {
        return IotDevices.sendOverHttps(server, hub, key, message);
    }

    // --- registry and alerts API

    /** Subscription, resource group {@code rg-1}, the hub and device {@code sensor-1}; returns the device's primary key. */
    private String createHub(String subscription, String hub, String monitoring) {
        return IotDevices.createHub(server, subscription, hub, monitoring);
    }

    /** Asks for the alert list until an alert matches, failing after the deadline. */
    private JsonNode awaitAlert(String path, Predicate<JsonNode> wanted) {
        JsonNode alerts = Eventually.await("a matching alert at " + path, () -> alertList(path),
                list -> matching(list, wanted).isPresent(), DEADLINE);
        return matching(alerts, wanted).orElseThrow();
    }

    private JsonNode alertList(String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RunningServer.json(response).path("value");
    }

    private static Optional<JsonNode> matching(JsonNode alerts, Predicate<JsonNode> wanted) {
        for (JsonNode alert : alerts) {
            if (wanted.test(alert)) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> patch(String path, Object body) {
        return server.send(server.request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(RunningServer.toJson(body))));
    }

    private static String hubResourceId(String subscription, String hub) {
        return "/subscriptions/" + subscription + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + hub;
    }
}
