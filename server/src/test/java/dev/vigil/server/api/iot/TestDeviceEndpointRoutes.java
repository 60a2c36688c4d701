package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.server.testing.RunningServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The device endpoints' edges through the real server: IoT Hub's 256 KB message limit over HTTPS,
 * and security events that devices send again (at-least-once retries) over HTTPS and MQTT.
 */
class TestDeviceEndpointRoutes {
    private static final String DOMAIN = "azure-devices.net";
    private static final String HUB = "plant-hub";
    private static final String SECURITY_TOPIC = "devices/sensor-1/messages/events/$.ifid=urn%3Aazureiot%3ASecurity%3ASecurityAgent%3A1";
    private static final String ALERTS = "/api/subscriptions/sub-1/providers/Microsoft.Security/iotAlerts";
    private static final int LIMIT = 256 * 1024;

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testSecurityMessageOf300KbIs413MessageTooLargeAndNothingIsStored() {
        String key = createHub();
        String message = message(List.of(failedLogin(Instant.now(), "x".repeat(300 * 1024))));

        HttpResponse<String> response = send(key, HttpRequest.BodyPublishers.ofString(message));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("MessageTooLarge");
        assertThat(error.path("message").asText()).contains(message.length() + " bytes").contains("at most 262144 bytes");
        assertThat(error.path("innererror").path("reason").asText()).isEqualTo("MESSAGE_TOO_LARGE");
        assertThat(error.path("innererror").path("maxMessageBytes").asInt()).isEqualTo(LIMIT);
        assertThat(server.count("SecurityIoTRawEvent | count")).isZero();
    }

    @Test
    void testChunkedBodyOverTheLimitIs413Too() {
        String key = createHub();
        byte[] body = new byte[LIMIT + 1];

        HttpResponse<String> response = send(key, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("more than 262144 bytes");
    }

    @Test
    void testMessageOfExactly256KbIsTakenAndPropertiesCountTowardTheLimit() {
        String key = createHub();

        HttpResponse<String> atTheLimit = server.send(request(key).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])));
        HttpResponse<String> withAProperty = server.send(request(key).header("iothub-app-site", "plant-7")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT])));

        assertThat(atTheLimit.statusCode()).as(atTheLimit.body()).isEqualTo(204);
        assertThat(withAProperty.statusCode()).as(withAProperty.body()).isEqualTo(413);
        assertThat(RunningServer.json(withAProperty).path("error").path("message").asText()).contains((LIMIT + "site".length() + "plant-7".length()) + " bytes");
    }

    @Test
    void testFailedLoginSentFiveTimesOverHttpsAndMqttIsStoredOnceAndRaisesNoBruteForce() throws MqttException {
        String key = createHub();
        String message = message(List.of(failedLogin(Instant.now().truncatedTo(ChronoUnit.SECONDS), "sshd")));

        for (int copy = 0; copy < 5; copy++) {
            HttpResponse<String> response = send(key, HttpRequest.BodyPublishers.ofString(message));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        }
        MqttClient device = connect(key);
        for (int copy = 0; copy < 5; copy++) {
            // returns on the PUBACK: a copy is acknowledged, so the device stops retrying
            device.publish(SECURITY_TOPIC, message.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        device.disconnect();
        device.close();
        server.server().awaitDetection();

        assertThat(server.count("SecurityIoTRawEvent | count")).isEqualTo(1);
        assertThat(RunningServer.json(server.get(ALERTS)).path("value")).isEmpty();
        assertThat(server.get("/metrics").body()).containsPattern("vigil_iot_duplicate_events_total(\\{[^}]*\\})? 9\\.0");
        JsonNode counts = RunningServer.json(server.get("/api/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/"
                + HUB + "/devices/sensor-1"));
        assertThat(counts.toString()).contains("\"securityMessages\":1");
    }

    @Test
    void testFiveDistinctFailedLoginsStillRaiseABruteForce() throws MqttException {
        String key = createHub();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MqttClient device = connect(key);

        for (int attempt = 0; attempt < 5; attempt++) {
            String message = message(List.of(failedLogin(start.plusSeconds(attempt), "sshd")));
            if (attempt % 2 == 0) {
                assertThat(send(key, HttpRequest.BodyPublishers.ofString(message)).statusCode()).isEqualTo(204);
            } else {
                device.publish(SECURITY_TOPIC, message.getBytes(StandardCharsets.UTF_8), 1, false);
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
        String message = message(List.of(failedLogin(Instant.now().truncatedTo(ChronoUnit.SECONDS), "sshd")));
        assertThat(send(key, HttpRequest.BodyPublishers.ofString(message)).statusCode()).isEqualTo(204);

        server.restart();
        HttpResponse<String> copy = send(key, HttpRequest.BodyPublishers.ofString(message));

        assertThat(copy.statusCode()).as(copy.body()).isEqualTo(204);
        assertThat(server.count("SecurityIoTRawEvent | count")).isEqualTo(1);
    }

    // --- devices

    private static String message(List<String> events) {
        return "{\"AgentVersion\":\"0.0.1\",\"AgentId\":\"e89dc5f5-feac-4c3e-87e2-93c16f010c25\",\"MessageSchemaVersion\":\"1.0\",\"Events\":["
                + String.join(",", events) + "]}";
    }

    private static String failedLogin(Instant at, String executable) {
        return "{\"EventType\":\"Security\",\"Category\":\"Triggered\",\"Name\":\"Login\",\"IsEmpty\":false,\"PayloadSchemaVersion\":\"1.0\","
                + "\"Id\":\"" + UUID.randomUUID() + "\",\"TimestampLocal\":\"" + at + "\",\"TimestampUTC\":\"" + at + "\",\"Payload\":[{"
                + "\"ProcessId\":28207,\"UserName\":\"root\",\"Operation\":\"Login\",\"Executable\":\"/usr/sbin/" + executable + "\","
                + "\"RemoteAddress\":\"203.0.113.7\",\"RemotePort\":\"51234\",\"LocalPort\":\"22\",\"Result\":\"Fail\"}]}";
    }

    private HttpResponse<String> send(String key, HttpRequest.BodyPublisher body) {
        return server.send(request(key).header("iothub-interface-id", "urn:azureiot:Security:SecurityAgent:1").POST(body));
    }

    private HttpRequest.Builder request(String key) {
        String token = SasTokenGenerator.deviceToken(HUB + "." + DOMAIN, "sensor-1", key, Instant.now().plusSeconds(600));
        return HttpRequest.newBuilder(server.uri("/devices/sensor-1/messages/events?api-version=2020-03-13")).header("Authorization", token);
    }

    private MqttClient connect(String key) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + server.server().mqttPort(), "sensor-1", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setUserName(HUB + "." + DOMAIN + "/sensor-1/?api-version=2021-04-12");
        options.setPassword(SasTokenGenerator.deviceToken(HUB + "." + DOMAIN, "sensor-1", key, Instant.now().plusSeconds(600)).toCharArray());
        client.connect(options);
        return client;
    }

    /** Subscription {@code sub-1}, resource group {@code rg-1}, the monitored hub and device {@code sensor-1}; returns the device's primary key. */
    private String createHub() {
        String sub = "/api/subscriptions/sub-1";
        String hubPath = sub + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + HUB;
        assertThat(put(sub, Map.of("displayName", "sub-1")).statusCode()).isEqualTo(200);
        assertThat(put(sub + "/resourceGroups/rg-1", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> created = put(hubPath, Map.of("properties", Map.of("securitySettings", Map.of("status", "Enabled"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(put(hubPath + "/devices/sensor-1", Map.of()).statusCode()).isEqualTo(200);
        return RunningServer.json(server.post(hubPath + "/devices/sensor-1/listKeys", "application/json", "")).path("primaryKey").asText();
    }

    private HttpResponse<String> put(String path, Object body) {
        return server.send(server.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(body))));
    }
}
