package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The device endpoints' edges through the real server: IoT Hub's 256 KB message limit over HTTPS,
 * and security events that devices send again (at-least-once retries) over HTTPS and MQTT.
 */
class TestDeviceEndpointRoutes {
    private static final String HUB = "plant-hub";
    private static final String ALERTS = "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts";
    private static final int LIMIT = 256 * 1024;

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testSecurityMessageOf300KbIs413MessageTooLargeAndNothingIsStored() {
        String key = createHub();
        // white space after the JSON keeps the message valid
        String message = failedLoginMessage(Instant.now()) + " ".repeat(300 * 1024);

        HttpResponse<String> response = IotDevices.sendOverHttps(server, HUB, key, message);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("MessageTooLarge");
        assertThat(error.path("message").asText()).contains(message.length() + " bytes").contains("at most 262144 bytes");
        assertThat(error.path("innererror").path("reason").asText()).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(error.path("innererror").path("maxMessageBytes").asInt()).isEqualTo(LIMIT);
        assertThat(server.count("SecurityIoTRawEvent | count")).isZero();
    }

    @Test
    void testALoneSurrogateIsRefusedToTheDeviceWithItsPathAndNothingIsStored() {
        String key = createHub();
        String message = IotDevices.message(List.of(IotDevices.login(Instant.now(), "Fail").replace("\"UserName\":\"root\"", "\"UserName\":\"r\\ud800t\"")));

        HttpResponse<String> response = IotDevices.sendOverHttps(server, HUB, key, message);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("message").asText())
                .contains("$.Events[0].Payload[0].UserName", "lone surrogate");
        assertThat(server.count("SecurityIoTRawEvent | count")).isZero();
    }

    @Test
    void testChunkedBodyOverTheLimitIs413Too() {
        String key = createHub();
        byte[] body = new byte[LIMIT + 1];

        HttpResponse<String> response = server.send(IotDevices.httpsRequest(server, HUB, key)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("more than 262144 bytes");
    }

    @Test
    void testMessageOfExactly256KbIsTakenAndPropertiesCountTowardTheLimit() {
        String key = createHub();

        HttpResponse<String> atTheLimit = server.send(IotDevices.httpsRequest(server, HUB, key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])));
        HttpResponse<String> withAProperty = server.send(IotDevices.httpsRequest(server, HUB, key).header("iothub-app-site", "plant-7")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])));

        assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(204);
        assertThat(withAProperty.statusCode()).as(withAProperty.body()).isEqualTo(413);
        assertThat(RunningServer.json(withAProperty).path("error").path("message").asText())
                .contains((LIMIT + "site".length() + "plant-7".length()) + " bytes");
    }

    @Test
    void testFailedLoginSentFiveTimesOverHttpsAndMqttIsStoredOnceAndRaisesNoBruteForce() throws MqttException {
        String key = createHub();
        String message = failedLoginMessage(Instant.now().truncatedTo(ChronoUnit.SECONDS));

        for (int copy = 0; copy < 5; copy++) {
            HttpResponse<String> response = IotDevices.sendOverHttps(server, HUB, key, message);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
        MqttClient device = IotDevices.connect(server, HUB, key, Instant.now().plusSeconds(600));
        for (int copy = 0; copy < 5; copy++) {
            // returns on the PUBACK: a copy is acknowledged, so the device stops retrying
            device.publish(IotDevices.SECURITY_TOPIC, message.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        device.disconnect();
        device.close();
        server.server().awaitDetection();

        assertThat(server.count("SecurityIoTRawEvent | count")).isEqualTo(1);
        assertThat(RunningServer.json(server.get(ALERTS)).path("value")).isEmpty();
        assertThat(server.get("/metrics").body()).containsPattern("vigil_iot_duplicate_events_total(\\{[^}]*\\})? 9\\.0");
        JsonNode counts = RunningServer.json(server.get("/api/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/"
                + HUB + "/devices/" + IotDevices.DEVICE));
        assertThat(counts.toString()).contains("\"securityMessages\":1");
    }

    @Test
    void testFiveDistinctFailedLoginsStillRaiseABruteForce() throws MqttException {
        String key = createHub();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MqttClient device = IotDevices.connect(server, HUB, key, Instant.now().plusSeconds(600));

        for (int attempt = 0; attempt < 5; attempt++) {
            String message = failedLoginMessage(start.plusSeconds(attempt));
            if (attempt % 2 == 0) {
                assertThat(IotDevices.sendOverHttps(server, HUB, key, message).statusCode()).isEqualTo(204);
            } else {
                device.publish(IotDevices.SECURITY_TOPIC, message.getBytes(StandardCharsets.UTF_8), 1, false);
            }
        }
        device.disconnect();
        device.close();
        server.server().awaitDetection();

        assertThat(server.count("SecurityIoTRawEvent | count")).isEqualTo(5);
        assertThat(RunningServer.json(server.get(ALERTS)).path("value").findValuesAsText("alertType")).containsExactly("IoT_BruteForceFailed");
    }

    @Test
    void testCopySentRightAfterARestartIsStillAcknowledgedAndNotStored() {
        String key = createHub();
        String message = failedLoginMessage(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        assertThat(IotDevices.sendOverHttps(server, HUB, key, message).statusCode()).isEqualTo(204);

        server.restart();
        HttpResponse<String> copy = IotDevices.sendOverHttps(server, HUB, key, message);

        assertThat(copy.statusCode()).as(copy.body()).isEqualTo(204);
        assertThat(server.count("SecurityIoTRawEvent | count")).isEqualTo(1);
    }

    private static String failedLoginMessage(Instant at) {
        return IotDevices.message(List.of(IotDevices.login(at, "Fail")));
    }

    private String createHub() {
        return IotDevices.createHub(server, "sub-1", HUB, "Enabled");
    }
}
