package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestIotRoutes {
    private static final String SUB = "/api/subscriptions/sub-1";
    private static final String HUB = SUB + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/plant-hub";
    private static final String SECURITY_MESSAGE = "{\"AgentVersion\":\"1.0\",\"AgentId\":\"e89dc5f5-feac-4c3e-87e2-93c16f010c25\","
            + "\"MessageSchemaVersion\":\"1.0\",\"Events\":[{\"EventType\":\"Security\",\"Category\":\"Triggered\",\"Name\":\"Login\","
            + "\"IsEmpty\":false,\"PayloadSchemaVersion\":\"1.0\",\"Id\":\"" + UUID.randomUUID() + "\",\"TimestampLocal\":\"2024-01-27T15:48:52+02:00\","
            + "\"TimestampUTC\":\"2024-01-27T13:48:52Z\",\"Payload\":[{\"ProcessId\":7,\"UserName\":\"root\",\"Operation\":\"Login\","
            + "\"Executable\":\"/usr/sbin/sshd\",\"RemoteAddress\":\"10.1.2.3\",\"Result\":\"Fail\"}]}]}";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testRegistryResourcesSurviveARestart() {
        createHub(server, "Enabled");
        assertThat(server.postJson(HUB + "/providers/Microsoft.Security/deviceSecurityGroups/default", Map.of("properties", Map.of(
                "timeWindowRules", List.of(Map.of("ruleType", "MqttD2CMessagesNotInAllowedRange", "isEnabled", true,
                        "minThreshold", 0, "maxThreshold", 30, "timeWindowSize", "PT05M")),
                "denylistRules", List.of(Map.of("ruleType", "ConnectionToIpNotAllowed", "isEnabled", true,
                        "allowlistValues", List.of("10.0.0.0/8"), "valueType", "IpCidr"))))).statusCode()).isEqualTo(404); // PUT, not POST
        HttpResponse<String> group = put(server, HUB + "/providers/Microsoft.Security/deviceSecurityGroups/default", Map.of("properties", Map.of(
                "timeWindowRules", List.of(Map.of("ruleType", "MqttD2CMessagesNotInAllowedRange", "isEnabled", true,
                        "minThreshold", 0, "maxThreshold", 30, "timeWindowSize", "PT05M")),
                "denylistRules", List.of(Map.of("ruleType", "ConnectionToIpNotAllowed", "isEnabled", true,
                        "allowlistValues", List.of("10.0.0.0/8"), "valueType", "IpCidr")))));
        assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
        String keys = server.post(HUB + "/devices/sensor-1/listKeys", "application/json", "").body();

        server.restart();

        JsonNode hub = RunningServer.json(server.get(HUB));
        assertThat(hub.path("id").asText()).isEqualTo("/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/plant-hub");
        assertThat(hub.path("properties").path("hostName").asText()).isEqualTo("plant-hub.azure-devices.net");
        assertThat(hub.path("properties").path("securitySettings").path("status").asText()).isEqualTo("Enabled");
        JsonNode device = RunningServer.json(server.get(HUB + "/devices/sensor-1"));
        assertThat(device.path("tags").path("SecurityGroup").asText()).isEqualTo("default");
        assertThat(device.has("primaryKey")).isFalse();
        assertThat(server.post(HUB + "/devices/sensor-1/listKeys", "application/json", "").body()).isEqualTo(keys);
        JsonNode rule = RunningServer.json(server.get(HUB + "/providers/Microsoft.Security/deviceSecurityGroups/default"))
                .path("properties").path("timeWindowRules").path(0);
        assertThat(rule.path("timeWindowSize").asText()).isEqualTo("PT05M");
        assertThat(rule.path("maxThreshold").asLong()).isEqualTo(30);
    }

    @Test
    void testInvalidRuleIsRefusedNamingTheField() {
        createHub(server, "Enabled");
        HttpResponse<String> response = put(server, HUB + "/providers/Microsoft.Security/deviceSecurityGroups/g1", Map.of("properties", Map.of(
                "allowlistRules", List.of(Map.of("ruleType", "ProcessAllowed", "isEnabled", true, "allowlistValues", List.of())))));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RunningServer.json(response).path("error").path("message").asText()).contains("'ruleType' must be one of");
        assertThat(server.get(SUB + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/nohub").statusCode()).isEqualTo(404);
    }

    @Test
    void testHttpsSecurityMessageIsStoredBeforeThe204() {
        String token = createHub(server, "Enabled");

        HttpResponse<String> response = sendEvent(server, token, SECURITY_MESSAGE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(server.count("SecurityIoTRawEvent | where DeviceId == 'sensor-1' and RawEventName == 'Login' | count")).isEqualTo(1);
    }

    @Test
    void testMalformedSecurityMessageOverHttpsIs400NamingThePathAndRule() {
        String token = createHub(server, "Enabled");

        HttpResponse<String> response = sendEvent(server, token, SECURITY_MESSAGE.replace("\"ProcessId\":7,", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidSecurityMessage");
        assertThat(error.path("message").asText()).isEqualTo("$.Events[0].Payload[0].ProcessId: required");
        assertThat(server.count("SecurityIoTRawEvent | count")).isZero();
    }

    @Test
    void testBadTokenOverHttpsIs401AndDisabledDeviceIs403() {
        String token = createHub(server, "Enabled");

        assertThat(sendEvent(server, tampered(token), SECURITY_MESSAGE).statusCode()).isEqualTo(401);
        assertThat(server.post(HUB + "/devices/sensor-1/disable", "application/json", "").statusCode()).isEqualTo(200);
        HttpResponse<String> disabled = sendEvent(server, token, SECURITY_MESSAGE);
        assertThat(disabled.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(disabled).path("error").path("code").asText()).isEqualTo("DeviceDisabled");
    }

    /** The token with the first character of its signature changed, whatever that character was. */
    private static String tampered(String token) {
        int at = token.indexOf("sig=") + "sig=".length();
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    @Test
    void testHubWithMonitoringOffStoresNoRawEventsOverHttps() {
        String token = createHub(server, "Disabled");

        assertThat(sendEvent(server, token, SECURITY_MESSAGE).statusCode()).isEqualTo(204);
        assertThat(server.count("SecurityIoTRawEvent | count")).isZero();
        assertThat(RunningServer.json(server.get(HUB + "/devices/sensor-1")).path("statistics").path("deviceToCloudMessages").asLong()).isEqualTo(1);
    }

    @Test
    void testTagsAreMergedIntoTheTwin() {
        createHub(server, "Enabled");
        HttpResponse<String> response = server.send(server.request(HUB + "/devices/sensor-1/tags").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"tags\":{\"SecurityGroup\":\"cameras\",\"site\":\"north\"}}")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(RunningServer.json(response).path("tags").path("SecurityGroup").asText()).isEqualTo("cameras");
        assertThat(RunningServer.json(response).path("tags").path("site").asText()).isEqualTo("north");
    }

    @Test
    void testCloudToDeviceMessagesWaitForAnOfflineDeviceUpToFifty() {
        createHub(server, "Enabled");
        for (int index = 0; index < 50; index++) {
            HttpResponse<String> accepted = server.postJson(HUB + "/devices/sensor-1/messages/devicebound", Map.of("body", "command " + index));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(RunningServer.json(accepted).path("deviceConnected").asBoolean()).isFalse();
        }

        HttpResponse<String> refused = server.postJson(HUB + "/devices/sensor-1/messages/devicebound", Map.of("body", "one too many"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(RunningServer.json(refused).path("error").path("code").asText()).isEqualTo("DeviceMaximumQueueDepthExceeded");
    }

    @Test
    void testSubscriptionsAreListedOnlyToCallersWithARoleOnThem() {
        put(server, SUB, Map.of("displayName", "Plant"));
        put(server, "/api/subscriptions/sub-2", Map.of("displayName", "Other team"));
        server.createUser("plant-reader", null);
        server.grant("plant-reader", "Reader", "/subscriptions/sub-1");
        server.createUser("no-role", null);

        JsonNode asReader = RunningServer.json(server.send(server.request("/api/subscriptions", server.issueKey("plant-reader")).GET()));
        JsonNode asNobody = RunningServer.json(server.send(server.request("/api/subscriptions", server.issueKey("no-role")).GET()));
        JsonNode asRootOwner = RunningServer.json(server.get("/api/subscriptions"));

        assertThat(asReader.path("value").findValuesAsText("subscriptionId")).containsExactly("sub-1");
        assertThat(asNobody.path("value")).isEmpty();
        assertThat(asRootOwner.path("value").findValuesAsText("subscriptionId")).containsExactly("sub-1", "sub-2");
    }

    @Test
    void testADeviceWhoseHubPointsAtAWorkspaceThatIsGoneIsRefusedWithoutItsName() {
        String token = createHub(server, "Enabled");
        // settings stored before workspaces were checked: nothing in the API can write them any more
        server.stop();
        try (Storage storage = DuckDbStorage.open(StorageSettings.defaults(server.dataDirectory()), new SimpleMeterRegistry())) {
            new IotRegistry(storage.stateStore()).putSecuritySettings("sub-1", "rg-1", "plant-hub",
                    new HubSecuritySettings("Enabled", "retired-workspace", null, null));
        }
        server.restart();

        HttpResponse<String> response = sendEvent(server, token, SECURITY_MESSAGE);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(RunningServer.json(response).path("error").path("code").asText()).isEqualTo("SecurityMonitoringUnavailable");
        assertThat(response.body()).contains("plant-hub").doesNotContain("retired-workspace");
    }

    /** Subscription, resource group, hub and device {@code sensor-1}; returns a device token. */
    private static String createHub(RunningServer server, String monitoring) {
        assertThat(put(server, SUB, Map.of("displayName", "Plant")).statusCode()).isEqualTo(200);
        assertThat(put(server, SUB + "/resourceGroups/rg-1", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> hub = put(server, HUB, Map.of("properties", Map.of("securitySettings", Map.of("status", monitoring))));
        assertThat(hub.statusCode()).as(hub.body()).isEqualTo(200);
        HttpResponse<String> device = put(server, HUB + "/devices/sensor-1", Map.of("tags", Map.of("SecurityGroup", "default")));
        assertThat(device.statusCode()).as(device.body()).isEqualTo(200);
        String primaryKey = RunningServer.json(server.post(HUB + "/devices/sensor-1/listKeys", "application/json", "")).path("primaryKey").asText();
        return SasTokenGenerator.deviceToken("plant-hub.azure-devices.net", "sensor-1", primaryKey, Instant.now().plusSeconds(600));
    }

    private static HttpResponse<String> sendEvent(RunningServer server, String token, String body) {
        return server.send(HttpRequest.newBuilder(server.uri("/devices/sensor-1/messages/events?api-version=2020-03-13"))
                .header("Authorization", token)
                .header("iothub-interface-id", "urn:azureiot:Security:SecurityAgent:1")
                .header("iothub-app-source", "agent")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> put(RunningServer server, String path, Object body) {
        return server.send(server.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(RunningServer.toJson(body))));
    }
}
