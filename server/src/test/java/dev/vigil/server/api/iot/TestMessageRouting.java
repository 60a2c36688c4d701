package dev.vigil.server.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Message routing through the HTTP API, with Paho as the device, the query API reading the routed rows and an NRT rule over them. */
class TestMessageRouting {
    private static final String SUB = "route-sub";
    private static final String HUB_NAME = "route-hub";
    private static final String HUB = "/api/subscriptions/" + SUB + "/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/" + HUB_NAME;
    private static final String JSON_TOPIC = "devices/" + IotDevices.DEVICE + "/messages/events/$.ct=application%2Fjson&$.ce=utf-8&line=3";

    @RegisterExtension
    final RunningServer server = RunningServer.perTest();

    @Test
    void testTelemetryPublishedOverMqttIsRoutedQueriedAndAlertedOn() throws Exception {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        HttpResponse<String> saved = server.sendJson("PUT", HUB, server.apiKey(), hubWithRouting("$body.temperature > 70 AND line = '3'"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode routing = RunningServer.json(saved).path("properties").path("routing");
        assertThat(routing.path("routes").path(0).path("name").asText()).isEqualTo("hot-temperature");
        assertThat(routing.path("routes").path(0).path("isEnabled").asBoolean()).isTrue();
        assertThat(routing.path("fallbackRoute").path("name").asText()).isEqualTo("$fallback");
        assertThat(routing.path("endpoints").path("workspaceTables").path(0).path("tableName").asText()).isEqualTo("HotTelemetry_CL");
        HttpResponse<String> rule = server.sendJson("PUT", "/api/workspaces/default/alertRules/hot-machine", server.apiKey(),
                nrtRule("HotTelemetry_CL | extend Temperature = todouble(Body.temperature) | where Temperature > 90 | project TimeGenerated, "
                        + "DeviceId = ConnectionDeviceId, Temperature"));
        assertThat(rule.statusCode()).as(rule.body()).isIn(200, 201);

        MqttClient device = IotDevices.connect(server, HUB_NAME, key, Instant.now().plusSeconds(600));
        publish(device, JSON_TOPIC, "{\"temperature\": 95.5}");
        publish(device, JSON_TOPIC, "{\"temperature\": 20}");
        publish(device, "devices/" + IotDevices.DEVICE + "/messages/events/", "{\"temperature\": 99}");
        device.disconnect();

        // each PUBACK came after its rows were committed: they are there to read now
        JsonNode hot = server.query("HotTelemetry_CL | project ConnectionDeviceId, Temperature = todouble(Body.temperature), "
                + "line = tostring(ApplicationProperties.line), ContentType");
        assertThat(RunningServer.rowsByColumnName(hot)).hasSize(1);
        assertThat(hot.path("rows").path(0).path(0).asText()).isEqualTo(IotDevices.DEVICE);
        assertThat(hot.path("rows").path(0).path(1).asDouble()).isEqualTo(95.5);
        assertThat(hot.path("rows").path(0).path(2).asText()).isEqualTo("3");
        assertThat(hot.path("rows").path(0).path(3).asText()).isEqualTo("application/json");
        assertThat(server.count("OtherTelemetry_CL | count")).isEqualTo(2);
        assertThat(server.count("OtherTelemetry_CL | where BodyEncoding == 'utf-8' | count")).as("no content type: the body is text").isEqualTo(1);

        server.server().awaitAnalytics();
        assertThat(server.count("SecurityAlert | where AlertName == 'Hot machine' and CompromisedEntity == 'sensor-1' | count")).isEqualTo(1);
        assertThat(RunningServer.json(server.get(HUB + "/devices/" + IotDevices.DEVICE)).path("statistics").path("deviceToCloudMessages").asLong())
                .isEqualTo(3);
    }

    @Test
    void testTelemetryOverHttpsCarriesItsSystemPropertiesInIotHubsHeaders() {
        String key = IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        server.sendJson("PUT", HUB, server.apiKey(), hubWithRouting("$body.temperature > 70 AND line = '3' AND $messageId = 'm-7'"));

        HttpResponse<String> sent = server.send(IotDevices.httpsRequest(server, HUB_NAME, key).header("iothub-contenttype", "application/json")
                .header("iothub-contentencoding", "utf-8").header("iothub-messageid", "m-7").header("iothub-app-line", "3")
                .POST(HttpRequest.BodyPublishers.ofString("{\"temperature\": 80}")));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        assertThat(server.count("HotTelemetry_CL | where MessageId == 'm-7' and todouble(Body.temperature) == 80 | count")).isEqualTo(1);
        assertThat(server.count("OtherTelemetry_CL | count")).isZero();
    }

    @Test
    void testAConditionThatDoesNotCompileIsRefusedAtSaveWithItsPosition() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");

        HttpResponse<String> refused = server.sendJson("PUT", HUB, server.apiKey(), hubWithRouting("$body.temperature >> 70"));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(error.path("code").asText()).isEqualTo("InvalidRouting");
        assertThat(error.path("message").asText()).startsWith("route 'hot-temperature': the condition does not compile at line 1, column 20");
        assertThat(error.path("innererror").path("route").asText()).isEqualTo("hot-temperature");
        assertThat(error.path("innererror").path("column").asInt()).isEqualTo(20);
        assertThat(RunningServer.json(server.get(HUB)).path("properties").path("routing").path("routes")).isEmpty();
        assertThat(server.get("/api/workspaces/default/tables/HotTelemetry_CL").statusCode()).isEqualTo(404);
    }

    @Test
    void testRouteTestsAnswerAsIotHubsDo() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        server.sendJson("PUT", HUB, server.apiKey(), hubWithRouting("$body.temperature > 70"));
        Map<String, Object> message = Map.of("body", "{\"temperature\": 75}", "appProperties", Map.of(),
                "systemProperties", Map.of("contentType", "application/json", "contentEncoding", "UTF-8"));

        JsonNode matched = RunningServer.json(server.sendJson("POST", HUB + "/routing/routes/$testnew", server.apiKey(),
                Map.of("message", message, "route", route("t", "$body.temperature > 70", "hot"))));
        JsonNode undefined = RunningServer.json(server.sendJson("POST", HUB + "/routing/routes/$testnew", server.apiKey(),
                Map.of("message", message, "route", route("t", "$body.humidity > 70", "hot"))));
        JsonNode broken = RunningServer.json(server.sendJson("POST", HUB + "/routing/routes/$testnew", server.apiKey(),
                Map.of("message", message, "route", route("t", "$body.humidity >", "hot"))));
        JsonNode all = RunningServer.json(server.sendJson("POST", HUB + "/routing/routes/$testall", server.apiKey(),
                Map.of("routingSource", "DeviceMessages", "message", message)));

        assertThat(matched.path("result").asText()).isEqualTo("true");
        assertThat(undefined.path("result").asText()).isEqualTo("undefined");
        assertThat(broken.path("result").asText()).isEqualTo("false");
        assertThat(broken.path("details").path("compilationErrors").path(0).path("location").path("start").path("column").asInt()).isEqualTo(17);
        assertThat(all.path("routes").findValuesAsText("name")).containsExactly("hot-temperature");
    }

    @Test
    void testRoutingIntoAWorkspaceNeedsContributorOnIt() {
        IotDevices.createHub(server, SUB, HUB_NAME, "Disabled");
        server.createUser("hub-owner", null);
        server.grant("hub-owner", "Contributor", "/subscriptions/" + SUB);
        server.grant("hub-owner", "Reader", "/workspaces/default");
        String hubOwner = server.issueKey("hub-owner");

        HttpResponse<String> refused = server.sendJson("PUT", HUB, hubOwner, hubWithRouting("true"));
        server.grant("hub-owner", "Contributor", "/workspaces/default");
        HttpResponse<String> allowed = server.sendJson("PUT", HUB, hubOwner, hubWithRouting("true"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
    }

    private static Map<String, Object> hubWithRouting(String condition) {
        Map<String, Object> routing = Map.of(
                "endpoints", Map.of("workspaceTables", List.of(
                        Map.of("name", "hot", "workspace", "default", "tableName", "HotTelemetry_CL"),
                        Map.of("name", "other", "workspace", "default", "tableName", "OtherTelemetry_CL"))),
                "routes", List.of(route("hot-temperature", condition, "hot")),
                "fallbackRoute", Map.of("source", "DeviceMessages", "condition", "true", "endpointNames", List.of("other"), "isEnabled", true));
        return Map.of("properties", Map.of("securitySettings", Map.of("status", "Disabled"), "routing", routing));
    }

    private static Map<String, Object> route(String name, String condition, String endpoint) {
        return Map.of("name", name, "source", "DeviceMessages", "condition", condition, "endpointNames", List.of(endpoint), "isEnabled", true);
    }

    private static Map<String, Object> nrtRule(String query) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("displayName", "Hot machine");
        properties.put("enabled", true);
        properties.put("query", query);
        properties.put("severity", "High");
        properties.put("eventGroupingSettings", Map.of("aggregationKind", "AlertPerResult"));
        properties.put("entityMappings", List.of(Map.of("entityType", "IoTDevice",
                "fieldMappings", List.of(Map.of("identifier", "DeviceId", "columnName", "DeviceId")))));
        properties.put("incidentConfiguration", Map.of("createIncident", false));
        return Map.of("kind", "NRT", "properties", properties);
    }

    private static void publish(MqttClient device, String topic, String body) throws Exception {
        MqttMessage message = new MqttMessage(body.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        device.publish(topic, message);
    }
}
