package dev.vigil.server.api.playbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.testing.IotDevices;
import dev.vigil.server.testing.RunningServer;
import dev.vigil.soc.outbound.HttpStepAllowList;
import dev.vigil.soc.testing.Eventually;
import dev.vigil.soc.testing.WebhookReceiver;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Playbooks over the HTTP API of a running server: saving, refusals, runs started by automation and by hand, device actions on a real MQTT device. */
class TestPlaybookRoutes {
    private static final String PLAYBOOKS = "/api/workspaces/default/playbooks";

    @RegisterExtension
    // each test's webhook receiver listens on its own loopback port
    static final RunningServer server = RunningServer.perClass().withSettings(settings -> settings.withPlaybookHttpAllow(
            HttpStepAllowList.parse(List.of("127.0.0.1"))));

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private HttpResponse<String> putYaml(String name, String yaml) {
        return server.send(server.request(PLAYBOOKS + "/" + name).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8)));
    }

    private JsonNode finishedRun(String name, String runId) {
        return Eventually.await("run " + runId + " of " + name + " finishing", () -> RunningServer.json(server.get(PLAYBOOKS + "/" + name + "/runs/" + runId)),
                run -> run.path("status").asText().matches("Succeeded|Failed"));
    }

    @Test
    void testYamlIsSavedAsVersionsAndSecretsAreNeverAnswered() {
        String yaml = """
                triggers: [{kind: manual}]
                secrets: {token: never-shown}
                steps:
                  - {id: call, type: http, url: "%s", headers: {Authorization: "Bearer {{ Secrets.token }}"}}
                """.formatted(receiver.url("/x"));
        HttpResponse<String> created = putYaml("versions", yaml);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("never-shown");
        JsonNode first = RunningServer.json(server.get(PLAYBOOKS + "/versions"));
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(first.path("definition").path("secrets").has("token")).isTrue();
        assertThat(first.path("definition").path("secrets").path("token").isNull()).isTrue();

        // what GET answered goes back as it is: the secret given as null keeps its value
        HttpResponse<String> replaced = server.sendJson("PUT", PLAYBOOKS + "/versions", server.apiKey(), first);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(RunningServer.json(replaced).path("version").asLong()).isEqualTo(2);
        assertThat(RunningServer.json(server.get(PLAYBOOKS + "/versions?version=1")).path("version").asLong()).isEqualTo(1);

        HttpResponse<String> started = server.postJson(PLAYBOOKS + "/versions/runs", Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode run = finishedRun("versions", RunningServer.json(started).path("runId").asText());
        assertThat(run.path("status").asText()).isEqualTo("Succeeded");
        assertThat(run.path("version").asLong()).isEqualTo(2);
        assertThat(receiver.received("/x").get(0).header("Authorization")).isEqualTo("Bearer never-shown");
        assertThat(run.toString()).doesNotContain("never-shown");
    }

    @Test
    void testABadTemplateIsRefusedWithItsPathAndCharacter() {
        HttpResponse<String> refused = putYaml("bad", """
                triggers: [{kind: incident}]
                steps:
                  - {id: note, type: addComment, message: "Incident {{ IncidentNumbr }}"}
                """);
        JsonNode error = RunningServer.json(refused).path("error");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("InvalidPlaybook");
        assertThat(error.path("innererror").path("path").asText()).isEqualTo("steps[0].message");
        assertThat(error.path("innererror").path("position").asInt()).isEqualTo(13);
        assertThat(server.get(PLAYBOOKS + "/bad").statusCode()).isEqualTo(404);
    }

    @Test
    void testAnAutomationRuleRunsThePlaybookOnANewIncidentOnce() {
        assertThat(putYaml("triage", """
                triggers: [{kind: incident}]
                steps:
                  - {id: note, type: addComment, message: "Triage started for {{ IncidentTitle }}"}
                  - {id: ticket, type: http, url: "%s", body: {number: "{{ IncidentNumber }}", severity: "{{ IncidentSeverity }}"}}
                """.formatted(receiver.url("/ticket"))).statusCode()).isEqualTo(201);
        HttpResponse<String> rule = server.sendJson("PUT", "/api/workspaces/default/automationRules/run-triage", server.apiKey(),
                Map.of("properties", Map.of("displayName", "Run triage", "order", 1, "triggeringLogic", Map.of("isEnabled", true, "triggersOn",
                        "Incidents", "triggersWhen", "Created", "conditions", List.of(Map.of("conditionType", "Property", "conditionProperties",
                                Map.of("propertyName", "IncidentTitle", "operator", "StartsWith", "propertyValues", List.of("PLC"))))),
                        "actions", List.of(Map.of("order", 1, "actionType", "RunPlaybook", "actionConfiguration",
                                Map.of("logicAppResourceId", "/workspaces/default/playbooks/triage"))))));
        assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);

        HttpResponse<String> created = server.sendJson("POST", "/api/workspaces/default/incidents", server.apiKey(),
                Map.of("properties", Map.of("title", "PLC program changed", "severity", "High")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String incident = RunningServer.json(created).path("name").asText();

        JsonNode runs = Eventually.await("a run of triage", () -> RunningServer.json(server.get(PLAYBOOKS + "/triage/runs")).path("value"),
                value -> value.size() == 1 && value.get(0).path("status").asText().equals("Succeeded"));
        assertThat(runs.get(0).path("trigger").asText()).isEqualTo("incident");
        assertThat(runs.get(0).path("origin").asText()).startsWith("automationRule/run-triage/");
        assertThat(runs.get(0).path("incidentName").asText()).isEqualTo(incident);
        assertThat(receiver.received("/ticket")).hasSize(1);
        assertThat(receiver.received("/ticket").get(0).body()).contains("\"severity\":\"High\"");
        JsonNode comments = RunningServer.json(server.get("/api/workspaces/default/incidents/" + incident + "/comments")).path("value");
        assertThat(comments.findValuesAsText("message")).containsExactly("Triage started for PLC program changed");
        long rows = Eventually.await("the run in LogicAppWorkflowRuntime", () -> server.count(
                "LogicAppWorkflowRuntime | where WorkflowName == 'triage' and RunId == '" + runs.get(0).path("runId").asText() + "' | count"), n -> n == 3L);
        assertThat(rows).isEqualTo(3);
    }

    @Test
    void testAPlaybookSendsACloudToDeviceMessageThenDisablesTheDeviceWhichIsRefusedAfterwards() throws Exception {
        String key = IotDevices.createHub(server, "sub-pb", "pb-hub", "Enabled");
        MqttClient device = IotDevices.connect(server, "pb-hub", key, Instant.now().plus(1, ChronoUnit.HOURS));
        BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        device.subscribe("devices/" + IotDevices.DEVICE + "/messages/devicebound/#", 1, (topic, message) -> received.add(message));
        assertThat(putYaml("isolate", """
                triggers: [{kind: manual}]
                steps:
                  - {id: warn, type: sendDeviceMessage, hub: "{{ tostring(Inputs.hub) }}", deviceId: "{{ tostring(Inputs.device) }}",
                     body: {command: isolate, reason: "{{ tostring(Inputs.reason) }}"}}
                  - {id: tag, type: setDeviceTags, hub: "{{ tostring(Inputs.hub) }}", deviceId: "{{ tostring(Inputs.device) }}", tags: {quarantine: "yes"}}
                  - {id: disable, type: disableDevice, hub: "{{ tostring(Inputs.hub) }}", deviceId: "{{ tostring(Inputs.device) }}"}
                """).statusCode()).isEqualTo(201);

        HttpResponse<String> started = server.postJson(PLAYBOOKS + "/isolate/runs",
                Map.of("inputs", Map.of("hub", "pb-hub", "device", IotDevices.DEVICE, "reason", "reverse shell")));
        JsonNode run = finishedRun("isolate", RunningServer.json(started).path("runId").asText());

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("Succeeded");
        MqttMessage message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("{\"command\":\"isolate\",\"reason\":\"reverse shell\"}");
        Eventually.await("the device's connection closed", device::isConnected, connected -> !connected);
        assertThatThrownBy(() -> IotDevices.connect(server, "pb-hub", key, Instant.now().plus(1, ChronoUnit.HOURS))).isInstanceOf(MqttException.class);
        JsonNode hubDevice = RunningServer.json(server.get("/api/subscriptions/sub-pb/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/pb-hub/devices/"
                + IotDevices.DEVICE));
        assertThat(hubDevice.toString()).contains("quarantine").containsIgnoringCase("disabled");
    }

    @Test
    void testAPlaybookInvokesADirectMethodAndReadsTheDevicesAnswerAndFailsForAnOfflineDevice() throws Exception {
        String key = IotDevices.createHub(server, "sub-dm", "dm-hub", "Disabled");
        MqttClient device = IotDevices.connect(server, "dm-hub", key, Instant.now().plus(1, ChronoUnit.HOURS));
        BlockingQueue<String> requests = new LinkedBlockingQueue<>();
        device.subscribe("$iothub/methods/POST/#", 0, (topic, message) -> requests.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        assertThat(putYaml("collect", """
                triggers: [{kind: manual}]
                steps:
                  - {id: collect, type: invokeDirectMethod, hub: "{{ tostring(Inputs.hub) }}", deviceId: "{{ tostring(Inputs.device) }}",
                     methodName: collectLogs, payload: {minutes: 15, reason: "{{ tostring(Inputs.reason) }}"}, responseTimeoutInSeconds: 10}
                  - {id: note, type: compose, value: "logs at {{ tostring(collect.payload.url) }} (status {{ tostring(collect.status) }})"}
                """).statusCode()).isEqualTo(201);

        HttpResponse<String> started = server.postJson(PLAYBOOKS + "/collect/runs",
                Map.of("inputs", Map.of("hub", "dm-hub", "device", IotDevices.DEVICE, "reason", "reverse shell")));
        String request = requests.poll(10, TimeUnit.SECONDS);
        assertThat(request).isNotNull().startsWith("$iothub/methods/POST/collectLogs/?$rid=").endsWith(" {\"minutes\":15,\"reason\":\"reverse shell\"}");
        String requestId = request.substring(request.indexOf("$rid=") + 5, request.indexOf(' '));
        device.publish("$iothub/methods/res/201/?$rid=" + requestId, "{\"url\":\"https://logs.example/1\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        JsonNode run = finishedRun("collect", RunningServer.json(started).path("runId").asText());
        device.disconnect();
        device.close();
        HttpResponse<String> offline = server.postJson(PLAYBOOKS + "/collect/runs",
                Map.of("inputs", Map.of("hub", "dm-hub", "device", IotDevices.DEVICE, "reason", "again")));
        JsonNode failed = finishedRun("collect", RunningServer.json(offline).path("runId").asText());

        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("Succeeded");
        assertThat(run.toString()).contains("logs at https://logs.example/1 (status 201)");
        assertThat(failed.path("status").asText()).as(failed.toString()).isEqualTo("Failed");
        assertThat(failed.toString()).contains("not online");
    }
}
