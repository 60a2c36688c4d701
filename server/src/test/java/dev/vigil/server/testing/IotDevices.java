package dev.vigil.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.auth.SasTokenGenerator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A hub with the device {@code sensor-1} on a running server, and that device's traffic: security
 * messages (schema 1.0) sent over the real MQTT (Paho) and HTTPS endpoints with SAS tokens.
 */
public final class IotDevices {
    public static final String DOMAIN = "azure-devices.net";
    public static final String DEVICE = "sensor-1";
    /** Where {@link #DEVICE} publishes security messages over MQTT. */
    public static final String SECURITY_TOPIC = "devices/" + DEVICE + "/messages/events/$.ifid=urn%3Aazureiot%3ASecurity%3ASecurityAgent%3A1";
    /** The source address of {@link #login}'s attempts. */
    public static final String ATTACKER = "203.0.113.7";

    private IotDevices() {
    }

    /** Subscription, resource group {@code rg-1}, the hub (monitoring {@code Enabled} or {@code Disabled}) and {@link #DEVICE}; returns the device's primary key. */
    public static String createHub(RunningServer server, String subscription, String hub, String monitoring) {
        String sub = "/api/subscriptions/" + subscription;
        assertThat(put(server, sub, Map.of("displayName", subscription)).statusCode()).isEqualTo(200);
        assertThat(put(server, sub + "/resourceGroups/rg-1", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> created = put(server, hubPath(subscription, hub), Map.of("properties", Map.of("securitySettings", Map.of("status", monitoring))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return addDevice(server, subscription, hub, DEVICE);
    }

    /** Registers another device on a hub that {@link #createHub} made; returns its primary key. */
    public static String addDevice(RunningServer server, String subscription, String hub, String device) {
        String devicePath = hubPath(subscription, hub) + "/devices/" + device;
        assertThat(put(server, devicePath, Map.of()).statusCode()).isEqualTo(200);
        return RunningServer.json(server.post(devicePath + "/listKeys", "application/json", "")).path("primaryKey").asText();
    }

    /** {@link #DEVICE} connected over MQTT 3.1.1 with a token of that expiry. */
    public static MqttClient connect(RunningServer server, String hub, String key, Instant expiry) throws MqttException {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + server.server().mqttPort(), DEVICE, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setUserName(hub + "." + DOMAIN + "/" + DEVICE + "/?api-version=2021-04-12");
        options.setPassword(SasTokenGenerator.deviceToken(hub + "." + DOMAIN, DEVICE, key, expiry).toCharArray());
        client.connect(options);
        return client;
    }

    /** A request to {@link #DEVICE}'s HTTPS endpoint, authorised for ten minutes. */
    public static HttpRequest.Builder httpsRequest(RunningServer server, String hub, String key) {
        return httpsRequest(server, hub, DEVICE, key);
    }

    /** A request to the device's HTTPS endpoint, authorised for ten minutes. */
    public static HttpRequest.Builder httpsRequest(RunningServer server, String hub, String device, String key) {
        String token = SasTokenGenerator.deviceToken(hub + "." + DOMAIN, device, key, Instant.now().plusSeconds(600));
        return HttpRequest.newBuilder(server.uri("/devices/" + device + "/messages/events?api-version=2020-03-13")).header("Authorization", token);
    }

    /** Sends a security message of {@link #DEVICE} over HTTPS. */
    public static HttpResponse<String> sendOverHttps(RunningServer server, String hub, String key, String message) {
        return sendOverHttps(server, hub, DEVICE, key, message);
    }

    /** Sends a security message of the device over HTTPS. */
    public static HttpResponse<String> sendOverHttps(RunningServer server, String hub, String device, String key, String message) {
        return server.send(httpsRequest(server, hub, device, key).header("iothub-interface-id", "urn:azureiot:Security:SecurityAgent:1")
                .POST(HttpRequest.BodyPublishers.ofString(message)));
    }

    /** A security message holding these events. */
    public static String message(List<String> events) {
        return "{\"AgentVersion\":\"0.0.1\",\"AgentId\":\"e89dc5f5-feac-4c3e-87e2-93c16f010c25\",\"MessageSchemaVersion\":\"1.0\",\"Events\":["
                + String.join(",", events) + "]}";
    }

    /** An SSH login of root from {@link #ATTACKER} with result {@code Fail} or {@code Success}, with a new event id. */
    public static String login(Instant at, String result) {
        return "{\"EventType\":\"Security\",\"Category\":\"Triggered\",\"Name\":\"Login\",\"IsEmpty\":false,\"PayloadSchemaVersion\":\"1.0\","
                + "\"Id\":\"" + UUID.randomUUID() + "\",\"TimestampLocal\":\"" + at + "\",\"TimestampUTC\":\"" + at + "\",\"Payload\":[{"
                + "\"ProcessId\":28207,\"UserName\":\"root\",\"Operation\":\"Login\",\"Executable\":\"/usr/sbin/sshd\","
                + "\"RemoteAddress\":\"" + ATTACKER + "\",\"RemotePort\":\"51234\",\"LocalPort\":\"22\",\"Result\":\"" + result + "\"}]}";
    }

    /** Five failed SSH logins of root and then a successful one, a second apart from {@code start}, as one security message. */
    public static String bruteForce(Instant start) {
        List<String> events = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            events.add(login(start.plusSeconds(attempt), "Fail"));
        }
        events.add(login(start.plusSeconds(5), "Success"));
        return message(events);
    }

    private static String hubPath(String subscription, String hub) {
        return "/api/subscriptions/" + subscription + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + hub;
    }

    private static HttpResponse<String> put(RunningServer server, String path, Object body) {
        return server.send(server.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(body))));
    }
}
