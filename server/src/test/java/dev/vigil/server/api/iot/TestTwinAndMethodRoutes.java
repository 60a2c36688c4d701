package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.testing.Eventually;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Module identities, twins and direct methods through the HTTP API, with Paho as the device. */
class TestTwinAndMethodRoutes {
    private static final String SUB = "twin-sub";
    private static final String HUB_NAME = "twin-hub";
    private static final String HUB = "/api/subscriptions/" + SUB + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + HUB_NAME;
    private static final String DEVICE = HUB + "/devices/" + IotDevices.DEVICE;
    private static final String MODULE = DEVICE + "/modules/azureiotsecurity";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testAModuleHasItsOwnKeysAndConnectionStrings() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");

        HttpResponse<String> created = server.sendJson("PUT", MODULE, server.apiKey(), Map.of());
        JsonNode keys = RunningServer.json(server.post(MODULE + "/listKeys", "application/json", ""));
        JsonNode deviceKeys = RunningServer.json(server.post(DEVICE + "/listKeys", "application/json", ""));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(RunningServer.json(created).path("moduleId").asText()).isEqualTo("azureiotsecurity");
        assertThat(RunningServer.json(created).has("primaryKey")).isFalse();
        assertThat(keys.path("primaryKey").asText()).isNotEqualTo(deviceKeys.path("primaryKey").asText());
        assertThat(keys.path("primaryConnectionString").asText()).isEqualTo("HostName=twin-hub.azure-devices.net;DeviceId=sensor-1;"
                + "ModuleId=azureiotsecurity;SharedAccessKey=" + keys.path("primaryKey").asText());
        assertThat(RunningServer.json(server.get(DEVICE + "/modules")).path("value").findValuesAsText("moduleId")).containsExactly("azureiotsecurity");
        assertThat(server.sendJson("DELETE", MODULE, server.apiKey(), null).statusCode()).isEqualTo(200);
        assertThat(server.get(MODULE).statusCode()).isEqualTo(404);
    }

    @Test
    void testAModuleSendsOverHttpsWithItsToken() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        server.sendJson("PUT", MODULE, server.apiKey(), Map.of());
        String key = RunningServer.json(server.post(MODULE + "/listKeys", "application/json", "")).path("primaryKey").asText();
        String token = SasTokenGenerator.moduleToken(HUB_NAME + "." + IotDevices.DOMAIN, IotDevices.DEVICE, "azureiotsecurity", key,
                Instant.now().plusSeconds(600));

        HttpResponse<String> sent = server.send(HttpRequest.newBuilder(server.uri("/devices/sensor-1/modules/azureiotsecurity/messages/events?api-version=2020-03-13"))
                .header("Authorization", token).header("iothub-interface-id", "urn:azureiot:Security:SecurityAgent:1")
                .POST(HttpRequest.BodyPublishers.ofString(IotDevices.message(List.of(IotDevices.login(Instant.parse("2024-01-27T13:48:52Z"), "Fail"))))));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        assertThat(server.count("SecurityIoTRawEvent | where DeviceId == 'sensor-1' and RawEventName == 'Login' | count")).isEqualTo(1);
    }

    @Test
    void testTwinPatchIsSeenByTheDeviceAndSurvivesARestart() throws Exception {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        MqttClient device = IotDevices.connect(server, HUB_NAME, key, Instant.now().plusSeconds(600));
        BlockingQueue<String> desired = subscribe(device, "$iothub/twin/PATCH/properties/desired/#");
        String etag = RunningServer.json(server.get(DEVICE + "/twin")).path("etag").asText();

        HttpResponse<String> patched = server.send(server.request(DEVICE + "/twin").header("Content-Type", "application/json").header("If-Match", "\"" + etag + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tags\":{\"SecurityGroup\":\"cameras\"},\"properties\":{\"desired\":{\"interval\":60}}}")));

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode twin = RunningServer.json(patched);
        assertThat(patched.headers().firstValue("ETag")).contains("\"" + twin.path("etag").asText() + "\"");
        assertThat(twin.path("connectionState").asText()).isEqualTo("Connected");
        assertThat(twin.path("properties").path("desired").path("$version").asLong()).isEqualTo(2);
        assertThat(twin.path("properties").path("desired").path("$metadata").path("interval").path("$lastUpdatedVersion").asLong()).isEqualTo(2);
        assertThat(desired.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"interval\":60,\"$version\":2}");
        assertThat(RunningServer.json(server.get(DEVICE)).path("tags").path("SecurityGroup").asText()).isEqualTo("cameras");
        HttpResponse<String> stale = server.send(server.request(DEVICE + "/twin").header("Content-Type", "application/json").header("If-Match", "\"" + etag + "\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"properties\":{\"desired\":{\"interval\":5}}}")));
        assertThat(stale.statusCode()).isEqualTo(412);
        device.disconnect();

        server.restart();

        JsonNode afterRestart = RunningServer.json(server.get(DEVICE + "/twin"));
        assertThat(afterRestart.path("properties").path("desired").path("interval").asInt()).isEqualTo(60);
        assertThat(afterRestart.path("etag").asText()).isEqualTo(twin.path("etag").asText());
    }

    @Test
    void testTwinPatchesOverIotHubLimitsAreRefusedWithItsStatuses() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        String deep = "{\"properties\":{\"desired\":" + "{\"a\":".repeat(12) + "1" + "}".repeat(12) + "}}";
        String large = "{\"tags\":{\"notes\":\"" + "x".repeat(4000) + "\",\"more\":\"" + "x".repeat(4000) + "\",\"rest\":\"" + "x".repeat(400) + "\"}}";

        HttpResponse<String> tooDeep = patchTwin(DEVICE, server.apiKey(), deep);
        HttpResponse<String> tooLarge = patchTwin(DEVICE, server.apiKey(), large);
        HttpResponse<String> reported = patchTwin(DEVICE, server.apiKey(), "{\"properties\":{\"reported\":{\"x\":1}}}");

        assertThat(tooDeep.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(tooDeep).path("error").path("code").asText()).isEqualTo("ArgumentInvalid");
        assertThat(RunningServer.json(tooDeep).path("error").path("innererror").path("iotHubErrorCode").asInt()).isEqualTo(400004);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(RunningServer.json(tooLarge).path("error").path("message").asText()).contains("8192");
        assertThat(reported.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(server.get(DEVICE + "/twin")).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void testPatchingATwinOrCallingAMethodNeedsContributor() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        server.createUser("plant-reader", null);
        server.grant("plant-reader", "Reader", "/subscriptions/" + SUB);
        String reader = server.issueKey("plant-reader");

        assertThat(server.send(server.request(DEVICE + "/twin", reader).GET()).statusCode()).isEqualTo(200);
        assertThat(patchTwin(DEVICE, reader, "{\"properties\":{\"desired\":{\"x\":1}}}").statusCode()).isEqualTo(403);
        assertThat(server.sendJson("POST", DEVICE + "/methods", reader, Map.of("methodName", "reboot")).statusCode()).isEqualTo(403);
        assertThat(server.sendJson("PUT", MODULE, reader, Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void testAMethodHandlerIsInvokedThroughTheServiceApi() throws Exception {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        MqttClient device = IotDevices.connect(server, HUB_NAME, key, Instant.now().plusSeconds(600));
        device.subscribe("$iothub/methods/POST/#", 0, (topic, message) -> {
            String requestId = topic.substring(topic.indexOf("$rid=") + 5);
            String answer = "{\"echo\":" + new String(message.getPayload(), StandardCharsets.UTF_8) + "}";
            CompletableFuture.runAsync(() -> publish(device, "$iothub/methods/res/201/?$rid=" + requestId, answer));
        });

        HttpResponse<String> response = server.postJson(DEVICE + "/methods", Map.of("methodName", "reboot", "payload", Map.of("delay", 5),
                "responseTimeoutInSeconds", 10));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":201,\"payload\":{\"echo\":{\"delay\":5}}}");
        device.disconnect();
    }

    @Test
    void testAMethodOnAnOfflineDeviceIs404WithinTheConnectTimeout() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");

        HttpResponse<String> atOnce = server.postJson(DEVICE + "/methods", Map.of("methodName", "reboot"));
        Instant asked = Instant.now();
        HttpResponse<String> afterWaiting = server.postJson(DEVICE + "/methods", Map.of("methodName", "reboot", "connectTimeoutInSeconds", 1));
        Duration waited = Duration.between(asked, Instant.now());

        assertThat(atOnce.statusCode()).isEqualTo(404);
        assertThat(RunningServer.json(atOnce).path("error").path("code").asText()).isEqualTo("DeviceNotOnline");
        assertThat(RunningServer.json(atOnce).path("error").path("innererror").path("iotHubErrorCode").asInt()).isEqualTo(404103);
        assertThat(afterWaiting.statusCode()).isEqualTo(404);
        assertThat(waited).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(6));
    }

    @Test
    void testAMethodTheDeviceDoesNotAnswerIs504AfterTheResponseTimeout() throws Exception {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        MqttClient device = IotDevices.connect(server, HUB_NAME, key, Instant.now().plusSeconds(600));
        device.subscribe("$iothub/methods/POST/#", 0);

        HttpResponse<String> response = server.postJson(DEVICE + "/methods", Map.of("methodName", "hang", "responseTimeoutInSeconds", 5));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("GatewayTimeout");
        device.disconnect();
    }

    @Test
    void testMethodPayloadsOverTheLimitAndBadTimeoutsAreRefused() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");

        HttpResponse<String> large = server.postJson(DEVICE + "/methods", Map.of("methodName", "upload", "payload", "x".repeat(128 * 1024)));
        HttpResponse<String> timeout = server.postJson(DEVICE + "/methods", Map.of("methodName", "reboot", "responseTimeoutInSeconds", 1));

        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(RunningServer.json(large).path("error").path("message").asText()).contains("131072");
        assertThat(timeout.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(timeout).path("error").path("message").asText()).contains("responseTimeoutInSeconds");
    }

    @Test
    void testAMalformedSecurityModuleConfigurationRaisesTheCatalogueAlert() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Enabled");
        server.sendJson("PUT", MODULE, server.apiKey(), Map.of());

        HttpResponse<String> patched = patchTwin(MODULE, server.apiKey(), "{\"properties\":{\"desired\":{"
                + "\"ms_iotn:urn_azureiot_Security_SecurityAgentConfiguration\":{\"maxMessageSizeInBytes\":{\"value\":\"big\"}}}}}");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode alerts = Eventually.await("the configuration alert", () -> {
            server.server().awaitDetection();
            return RunningServer.json(server.get("/api/subscriptions/" + SUB + "/providers/Microsoft.Security/iotAlerts")).path("value");
        }, value -> value.size() > 0);
        assertThat(alerts.get(0).path("displayName").asText()).isEqualTo("IoT agent attempted and failed to parse the module twin configuration");
        assertThat(alerts.get(0).path("extendedProperties").path("Error").asText()).startsWith("maxMessageSizeInBytes must be");
    }

    private HttpResponse<String> patchTwin(String path, String key, String body) {
        return server.send(server.request(path + "/twin", key).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private static BlockingQueue<String> subscribe(MqttClient client, String filter) throws MqttException {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client.subscribe(filter, 0, (IMqttMessageListener) (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        return received;
    }

    private static void publish(MqttClient client, String topic, String body) {
        try {
            client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 0, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }
}
