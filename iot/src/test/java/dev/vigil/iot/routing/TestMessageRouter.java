package dev.vigil.iot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.auth.AuthenticatedDevice;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.endpoint.MessageOutcome;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.iot.testing.LogStoreTables;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMessageRouter {
    private static final Map<String, String> JSON_UTF8 = Map.of("contentType", "application/json", "contentEncoding", "utf-8");

    @TempDir
    Path data;
    private IotBed bed;
    private IotHub hub;
    private Device device;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", false);
        device = bed.device(hub, "sensor-1");
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void testTelemetryGoesToTheEndpointOfEveryRouteItSatisfiesElseToTheFallback() throws Exception {
        bed.router.configure(new HubRouting(hub.name(), List.of(endpoint("hot", "Hot_CL"), endpoint("line3", "Line3_CL"), endpoint("rest", "Rest_CL")),
                List.of(route("hot-temperature", "$body.temperature > 70", "hot"), route("line-3", "line = '3'", "line3"),
                        route("also-hot", "$body.temperature > 80", "hot")),
                route(null, "true", "rest")));

        send(JSON_UTF8, Map.of("line", "3"), "{\"temperature\": 95}");
        send(JSON_UTF8, Map.of("line", "1"), "{\"temperature\": 20}");
        send(Map.of(), Map.of("line", "1"), "{\"temperature\": 99}");

        assertThat(bed.count("Hot_CL | where todouble(Body.temperature) == 95 | count")).as("two routes to one endpoint write once").isEqualTo(1);
        assertThat(bed.count("Hot_CL | count")).isEqualTo(1);
        assertThat(bed.count("Line3_CL | count")).isEqualTo(1);
        assertThat(bed.count("Rest_CL | count")).as("the fallback takes what no route took, the undeclared JSON body included").isEqualTo(2);
        assertThat(bed.router.routing(hub.name()).fallbackRoute().name()).isEqualTo("$fallback");
    }

    @Test
    void testRowHoldsIotHubsSystemPropertiesAndTheBodyByItsEncoding() throws Exception {
        bed.router.configure(new HubRouting(hub.name(), List.of(endpoint("all", "All_CL")), List.of(route("everything", "", "all")), null));
        Map<String, String> system = Map.of("contentType", "application/json", "contentEncoding", "utf-8", "messageId", "m-1", "correlationId", "c-1");

        send(system, Map.of("line", "3"), "{\"temperature\": 71.5, \"unit\": \"C\"}");
        send(Map.of("messageId", "m-2"), Map.of(), "plain text");
        sendBytes(Map.of("messageId", "m-3"), new byte[] {(byte) 0xff, 0, 1});

        List<List<Object>> rows = bed.storage.logStore().query("default", new QueryRequest("All_CL | sort by MessageId asc | project MessageId, "
                + "IotHubName, ConnectionDeviceId, ContentType, CorrelationId, line = tostring(ApplicationProperties.line), "
                + "temperature = todouble(Body.temperature), body = tostring(Body), BodyEncoding, MessageSource, same = TimeGenerated == EnqueuedTime",
                Optional.empty())).tables().get(0).rows();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsExactly("m-1", "plant-hub", "sensor-1", "application/json", "c-1", "3", 71.5,
                "{\"temperature\":71.5,\"unit\":\"C\"}", "json", "Telemetry", true);
        assertThat(rows.get(1).subList(6, 9)).containsExactly(null, "plain text", "utf-8");
        assertThat(rows.get(2).subList(7, 9)).containsExactly("/wAB", "base64");
    }

    @Test
    void testDisabledRoutesAndAHubWithoutRoutingRouteNothing() throws Exception {
        send(JSON_UTF8, Map.of(), "{\"temperature\": 95}");
        bed.router.configure(new HubRouting(hub.name(), List.of(endpoint("hot", "Hot_CL")),
                List.of(new Route("off", "DeviceMessages", "true", List.of("hot"), false)), new Route(null, "DeviceMessages", "true", List.of("hot"), false)));

        send(JSON_UTF8, Map.of(), "{\"temperature\": 95}");

        assertThat(bed.count("Hot_CL | count")).isZero();
    }

    @Test
    void testSecurityMessagesOfAMonitoredHubAreNotRouted() throws Exception {
        IotHub monitored = bed.hub("secure-hub", true);
        Device agent = bed.device(monitored, "agent-1");
        bed.router.configure(new HubRouting(monitored.name(), List.of(endpoint("all", "All_CL")), List.of(route("everything", "true", "all")), null));
        AuthenticatedDevice sender = bed.authenticator.authenticate(monitored.hostName(IotBed.DOMAIN), agent.deviceId(), IotBed.token(monitored, agent),
                "10.0.0.1:5000");

        bed.gateway.receive(new DeviceMessage(sender, "{}".getBytes(StandardCharsets.UTF_8), Optional.of(DeviceMessage.SECURITY_INTERFACE_ID), Map.of(),
                Protocol.MQTT, "10.0.0.1:5000")).get(10, TimeUnit.SECONDS);
        bed.gateway.receive(new DeviceMessage(sender, "{}".getBytes(StandardCharsets.UTF_8), Optional.empty(), Map.of(), Protocol.MQTT, "10.0.0.1:5000"))
                .get(10, TimeUnit.SECONDS);

        assertThat(bed.count("All_CL | count")).as("only the telemetry").isEqualTo(1);
    }

    @Test
    void testSettingsThatBreakARuleAreRefusedAndNothingIsSaved() {
        List<WorkspaceTableEndpoint> endpoints = List.of(endpoint("hot", "Hot_CL"));

        assertRefused(new HubRouting(hub.name(), endpoints, List.of(route("bad", "$body.temperature >> 70", "hot")), null),
                "route 'bad': the condition does not compile at line 1, column 20: expected a value");
        assertRefused(new HubRouting(hub.name(), endpoints, List.of(route("r", "true", "cold")), null),
                "route 'r': 'endpointNames' names 'cold', which is not one of the hub's endpoints ['hot']");
        assertRefused(new HubRouting(hub.name(), endpoints, List.of(route("r", "true", "events")), null),
                "route 'r': 'events' is IoT Hub's built-in endpoint, which Vigil does not have");
        assertRefused(new HubRouting(hub.name(), endpoints, List.of(new Route("r", "TwinChangeEvents", "true", List.of("hot"), true)), null),
                "route 'r': 'source' 'TwinChangeEvents' is an IoT Hub source whose events Vigil does not route yet");
        assertRefused(new HubRouting(hub.name(), endpoints, List.of(new Route("r", "DeviceMessages", "true", List.of("hot", "hot"), true)), null),
                "route 'r': 'endpointNames' must name exactly one endpoint");
        assertRefused(new HubRouting(hub.name(), endpoints, List.of(route("r", "true", "hot"), route("R", "true", "hot")), null),
                "routes[1]: the route name 'R' is used twice");
        assertRefused(new HubRouting(hub.name(), List.of(endpoint("hot", "Hot")), List.of(), null), "endpoints.workspaceTables[0]: 'tableName' must be");
        assertRefused(new HubRouting(hub.name(), endpoints, List.of(), route(null, "a = (", "hot")), "fallbackRoute: the condition does not compile");
        assertRefused(new HubRouting(hub.name(), List.of(new WorkspaceTableEndpoint("hot", "nowhere", "Hot_CL")), List.of(), null),
                "endpoint 'hot': the workspace 'nowhere' does not exist");

        assertThat(bed.router.routing(hub.name()).routes()).isEmpty();
        assertThatThrownBy(() -> bed.storage.logStore().table("default", "Hot_CL")).isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void testAConditionRefusedAtSaveCarriesItsPosition() {
        assertThatThrownBy(() -> bed.router.configure(new HubRouting(hub.name(), List.of(endpoint("hot", "Hot_CL")),
                List.of(route("bad", "a = 1 AND\nb = ", "hot")), null)))
                .isInstanceOfSatisfying(InvalidRoutingException.class, e -> assertThat(e.innerError()).containsEntry("route", "bad")
                        .containsEntry("line", 2).containsEntry("column", 5));
    }

    @Test
    void testAnExistingTableWithoutTheRoutedColumnsIsRefused() {
        bed.storage.logStore().createCustomTable("default", new TableDefinition("Plc_CL", List.of(new ColumnSchema("Body", KqlType.STRING))));

        assertRefused(new HubRouting(hub.name(), List.of(endpoint("plc", "Plc_CL")), List.of(route("r", "true", "plc")), null),
                "endpoint 'plc': the table 'Plc_CL' of workspace 'default' exists without the routed column 'IotHubName' (string)");
    }

    @Test
    void testSavedRoutingIsBackAfterARestart() throws Exception {
        HubRouting saved = bed.router.configure(new HubRouting(hub.name(), List.of(endpoint("hot", "Hot_CL")),
                List.of(route("hot-temperature", "$body.temperature > 70", "hot")), null));

        MessageRouter reopened = new MessageRouter(bed.storage.stateStore(), bed.storage.logStore(), new LogStoreTables(bed.storage.logStore()), bed.twins);

        assertThat(reopened.routing(hub.name())).isEqualTo(saved);
        reopened.remove(hub.name());
        assertThat(new MessageRouter(bed.storage.stateStore(), bed.storage.logStore(), new LogStoreTables(bed.storage.logStore()), bed.twins).routing(hub.name()).routes()).isEmpty();
    }

    @Test
    void testRouteTestAnswersTrueFalseOrUndefined() {
        RoutableMessage message = bed.router.message(dev.vigil.iot.device.DeviceAddress.device(hub.name(), "sensor-1"), JSON_UTF8, Map.of(),
                "{\"temperature\": 75}".getBytes(StandardCharsets.UTF_8), java.time.Instant.now());

        assertThat(MessageRouter.test(route("r", "$body.temperature > 70", "hot"), message)).isEqualTo(RouteTestResult.TRUE);
        assertThat(MessageRouter.test(route("r", "$body.temperature < 70", "hot"), message)).isEqualTo(RouteTestResult.FALSE);
        assertThat(MessageRouter.test(route("r", "$body.humidity < 70", "hot"), message)).isEqualTo(RouteTestResult.UNDEFINED);
    }

    private void assertRefused(HubRouting routing, String message) {
        assertThatThrownBy(() -> bed.router.configure(routing)).isInstanceOf(InvalidRoutingException.class).hasMessageStartingWith(message);
    }

    private void send(Map<String, String> system, Map<String, String> application, String body) throws Exception {
        sendBytes(system, application, body.getBytes(StandardCharsets.UTF_8));
    }

    private void sendBytes(Map<String, String> system, byte[] body) throws Exception {
        sendBytes(system, Map.of(), body);
    }

    private void sendBytes(Map<String, String> system, Map<String, String> application, byte[] body) throws Exception {
        AuthenticatedDevice sender = bed.authenticator.authenticate(hub.hostName(IotBed.DOMAIN), device.deviceId(), IotBed.token(hub, device),
                "10.0.0.1:5000");
        MessageOutcome outcome = bed.gateway.receive(new DeviceMessage(sender, body, Optional.empty(), application, Protocol.MQTT, "10.0.0.1:5000", system))
                .get(10, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(MessageOutcome.Accepted.class);
    }

    private static WorkspaceTableEndpoint endpoint(String name, String table) {
        return new WorkspaceTableEndpoint(name, "default", table);
    }

    private static Route route(String name, String condition, String endpoint) {
        return new Route(name, "DeviceMessages", condition, List.of(endpoint), true);
    }
}
