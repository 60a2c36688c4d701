package dev.vigil.iot.endpoint.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.method.DeviceNotOnlineException;
import dev.vigil.iot.method.DirectMethodRequest;
import dev.vigil.iot.method.DirectMethodResult;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.Module;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.iot.testing.MqttDevices;
import dev.vigil.iot.testing.SecurityMessages;
import dev.vigil.iot.twin.TwinUpdate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modules, the twin protocol and direct methods over the real MQTT endpoint, with Paho as the device. */
class TestMqttTwinsAndMethods {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path data;
    IotBed bed;
    MqttEndpoint endpoint;
    IotHub hub;
    Device device;
    Module securityModule;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", true);
        device = bed.device(hub, "sensor-1");
        securityModule = bed.registry.putModule(hub, "sensor-1", Module.SECURITY_MODULE, DeviceStatus.ENABLED);
        endpoint = bed.mqttEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
        bed.close();
    }

    @Test
    void testTheSecurityModuleSendsSecurityMessagesAsItsDevice() throws MqttException {
        MqttClient module = connectModule(securityModule, IotBed.moduleToken(hub, securityModule));

        module.publish("devices/sensor-1/modules/azureiotsecurity/messages/events/$.ifid=urn%3Aazureiot%3ASecurity%3ASecurityAgent%3A1",
                SecurityMessages.processCreate("/usr/bin/nc", 7).getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(bed.count("SecurityIoTRawEvent | where DeviceId == 'sensor-1' and RawEventName == 'ProcessCreate' | count")).isEqualTo(1);
        assertThat(bed.gateway.counters().of("plant-hub", "sensor-1").securityMessages()).isEqualTo(1);
        assertThat(endpoint.isConnected(DeviceAddress.module(hub.name(), "sensor-1", Module.SECURITY_MODULE))).isTrue();
        module.disconnect();
    }

    @Test
    void testATrailingSlashAfterThePropertiesIsIgnoredAsTheJavaSdkSendsIt() throws MqttException {
        MqttClient module = connectModule(securityModule, IotBed.moduleToken(hub, securityModule));

        module.publish("devices/sensor-1/modules/azureiotsecurity/messages/events/$.ct=UTF-8&$.ifid=urn%3Aazureiot%3ASecurity%3ASecurityAgent%3A1/",
                SecurityMessages.processCreate("/usr/bin/nc", 8).getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(bed.gateway.counters().of("plant-hub", "sensor-1").securityMessages()).isEqualTo(1);
        module.disconnect();
    }

    @Test
    void testAModuleTokenSignedWithTheDeviceKeyIsRefused() {
        String signedByDevice = SasTokenGenerator.moduleToken(hub.hostName(IotBed.DOMAIN), "sensor-1", Module.SECURITY_MODULE, device.primaryKey(),
                Instant.now().plusSeconds(600));

        assertThatThrownBy(() -> connectModule(securityModule, signedByDevice))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(4));
        assertThat(bed.listener.refusals).extracting(r -> r.reason()).containsExactly(AuthenticationFailure.INVALID_SAS_SIGNATURE);
        assertThat(bed.listener.refusals.get(0).identity()).as("reported under the module, not only its device").isEqualTo("sensor-1/azureiotsecurity");
    }

    @Test
    void testAModuleClientIdMustNameTheModule() {
        assertThatThrownBy(() -> connect("sensor-1", hub.hostName(IotBed.DOMAIN) + "/sensor-1/azureiotsecurity/?api-version=2021-04-12",
                IotBed.moduleToken(hub, securityModule)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(2));
    }

    @Test
    void testADisabledModuleIsRefusedWithCode5AndDisablingClosesItsConnection() throws MqttException {
        MqttClient module = connectModule(securityModule, IotBed.moduleToken(hub, securityModule));

        bed.registry.setModuleStatus(hub, "sensor-1", Module.SECURITY_MODULE, DeviceStatus.DISABLED);

        assertThat(waitUntilDisconnected(module)).isTrue();
        assertThatThrownBy(() -> connectModule(securityModule, IotBed.moduleToken(hub, securityModule)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(5));
        assertThat(bed.listener.refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(AuthenticationFailure.DEVICE_DISABLED);
            assertThat(refusal.moduleId()).contains(Module.SECURITY_MODULE);
            assertThat(refusal.reason().iotHubError().errorCode()).isEqualTo(403012);
        });
    }

    @Test
    void testGetTwinAnswersDesiredAndReportedWithVersions() throws Exception {
        bed.twins.update(DeviceAddress.device(hub.name(), "sensor-1"), desired("{\"interval\":30}"), Optional.empty());
        MqttClient client = connectDevice();
        BlockingQueue<Received> responses = subscribe(client, DeviceTopics.TWIN_RESPONSES_FILTER);

        client.publish("$iothub/twin/GET/?$rid=7", new byte[0], 0, false);

        Received response = responses.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(response).isNotNull();
        assertThat(response.topic()).isEqualTo("$iothub/twin/res/200/?$rid=7");
        assertThat(response.body()).isEqualTo("{\"desired\":{\"interval\":30,\"$version\":2},\"reported\":{\"$version\":1}}");
        client.disconnect();
    }

    @Test
    void testReportedPatchIsStoredAndAnsweredWithItsVersion() throws Exception {
        MqttClient client = connectDevice();
        BlockingQueue<Received> responses = subscribe(client, DeviceTopics.TWIN_RESPONSES_FILTER);

        client.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", "{\"firmware\":\"1.2.0\"}".getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish("$iothub/twin/GET/?$rid=2", new byte[0], 1, false);

        assertThat(responses.poll(WAIT_SECONDS, TimeUnit.SECONDS).topic()).isEqualTo("$iothub/twin/res/204/?$rid=1&$version=2");
        // the GET after the patch sees it: a connection's twin requests are answered in order
        assertThat(responses.poll(WAIT_SECONDS, TimeUnit.SECONDS).body()).contains("\"reported\":{\"firmware\":\"1.2.0\",\"$version\":2}");
        assertThat(bed.twins.twin(DeviceAddress.device(hub.name(), "sensor-1")).reported().properties().path("firmware").asText()).isEqualTo("1.2.0");
        client.disconnect();
    }

    @Test
    void testOversizedOrTooDeepReportedPatchesAreRefusedWithIotHubStatusesAndTheConnectionStays() throws Exception {
        MqttClient client = connectDevice();
        BlockingQueue<Received> responses = subscribe(client, DeviceTopics.TWIN_RESPONSES_FILTER);
        StringBuilder tooLarge = new StringBuilder("{\"blob\":{\"end\":1");
        for (int i = 0; i < 9; i++) {
            tooLarge.append(",\"k").append(i).append("\":\"").append("x".repeat(4000)).append('"');
        }
        tooLarge.append("}}");
        String tooDeep = "{\"a\":".repeat(12) + "1" + "}".repeat(12);

        client.publish("$iothub/twin/PATCH/properties/reported/?$rid=1", tooLarge.toString().getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish("$iothub/twin/PATCH/properties/reported/?$rid=2", tooDeep.getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish("$iothub/twin/PATCH/properties/reported/?$rid=3", "not json".getBytes(StandardCharsets.UTF_8), 1, false);

        Received large = responses.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(large.topic()).isEqualTo("$iothub/twin/res/413/?$rid=1");
        assertThat(JSON.readTree(large.body()).path("errorCode").asInt()).isEqualTo(413001);
        assertThat(responses.poll(WAIT_SECONDS, TimeUnit.SECONDS).topic()).isEqualTo("$iothub/twin/res/400/?$rid=2");
        assertThat(responses.poll(WAIT_SECONDS, TimeUnit.SECONDS).topic()).isEqualTo("$iothub/twin/res/400/?$rid=3");
        assertThat(client.isConnected()).isTrue();
        assertThat(bed.twins.twin(DeviceAddress.device(hub.name(), "sensor-1")).reported().version()).isEqualTo(1);
        client.disconnect();
    }

    @Test
    void testDesiredPropertyChangesAreNotifiedToTheModule() throws Exception {
        MqttClient module = connectModule(securityModule, IotBed.moduleToken(hub, securityModule));
        BlockingQueue<Received> notifications = subscribe(module, DeviceTopics.DESIRED_PROPERTIES_FILTER);

        bed.twins.update(DeviceAddress.module(hub.name(), "sensor-1", Module.SECURITY_MODULE), desired("{\"interval\":60}"), Optional.empty());

        Received notification = notifications.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(notification.topic()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2");
        assertThat(notification.body()).isEqualTo("{\"interval\":60,\"$version\":2}");
        module.disconnect();
    }

    @Test
    void testSubscribingToDirectMethodsIsGranted() throws MqttException {
        MqttClient client = connectDevice();

        int[] granted = client.subscribeWithResponse(new String[] {DeviceTopics.METHODS_FILTER}, new int[] {1}).getGrantedQos();

        // it used to be refused with 0x80 while the SDKs reported their handlers as registered
        assertThat(granted).containsExactly(1);
        client.disconnect();
    }

    @Test
    void testADirectMethodReachesTheDeviceAndItsAnswerReachesTheCaller() throws Exception {
        MqttClient client = connectDevice();
        BlockingQueue<Received> requests = subscribe(client, DeviceTopics.METHODS_FILTER);

        CompletableFuture<DirectMethodResult> result = bed.methods.invoke(DeviceAddress.device(hub.name(), "sensor-1"),
                DirectMethodRequest.of("reboot", JSON.readTree("{\"delay\":5}"), 10, 0));

        Received request = requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(request.topic()).startsWith("$iothub/methods/POST/reboot/?$rid=");
        assertThat(request.body()).isEqualTo("{\"delay\":5}");
        String requestId = request.topic().substring(request.topic().indexOf("$rid=") + 5);
        client.publish("$iothub/methods/res/200/?$rid=" + requestId, "{\"rebooting\":true}".getBytes(StandardCharsets.UTF_8), 1, false);
        DirectMethodResult answer = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.payload().toString()).isEqualTo("{\"rebooting\":true}");
        client.disconnect();
    }

    @Test
    void testADirectMethodToADeviceThatIsNotSubscribedFailsAtOnce() throws Exception {
        MqttClient client = connectDevice();

        CompletableFuture<DirectMethodResult> result = bed.methods.invoke(DeviceAddress.device(hub.name(), "sensor-1"),
                DirectMethodRequest.of("reboot", null, 5, 0));

        assertThatThrownBy(() -> result.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DeviceNotOnlineException.class);
        client.disconnect();
    }

    @Test
    void testAConnectTimeoutWaitsForTheDeviceToSubscribe() throws Exception {
        CompletableFuture<DirectMethodResult> result = bed.methods.invoke(DeviceAddress.device(hub.name(), "sensor-1"),
                DirectMethodRequest.of("ping", null, 10, 30));
        MqttClient client = connectDevice();
        BlockingQueue<Received> requests = subscribe(client, DeviceTopics.METHODS_FILTER);

        Received request = requests.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        String requestId = request.topic().substring(request.topic().indexOf("$rid=") + 5);
        client.publish("$iothub/methods/res/404/?$rid=" + requestId, new byte[0], 0, false);

        assertThat(result.get(WAIT_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(404);
        client.disconnect();
    }

    private record Received(String topic, String body) {
    }

    private static BlockingQueue<Received> subscribe(MqttClient client, String filter) throws MqttException {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        int[] granted = client.subscribeWithResponse(new String[] {filter}, new int[] {0},
                new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {(topic, message) ->
                        received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)))}).getGrantedQos();
        assertThat(granted).as("granted QoS of " + filter).containsExactly(0);
        return received;
    }

    private MqttClient connectDevice() throws MqttException {
        return connect("sensor-1", hub.hostName(IotBed.DOMAIN) + "/sensor-1/?api-version=2021-04-12", IotBed.token(hub, device));
    }

    private MqttClient connectModule(Module module, String token) throws MqttException {
        return connect(module.deviceId() + "/" + module.moduleId(),
                hub.hostName(IotBed.DOMAIN) + "/" + module.deviceId() + "/" + module.moduleId() + "/?api-version=2021-04-12", token);
    }

    private MqttClient connect(String clientId, String username, String password) throws MqttException {
        return MqttDevices.connect(endpoint.plainPort(), clientId, username, password);
    }

    /** Waits for the server to close the connection, as Paho notices it. */
    private static boolean waitUntilDisconnected(MqttClient client) {
        CompletableFuture<Void> lost = new CompletableFuture<>();
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.complete(null);
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        if (!client.isConnected()) {
            return true;
        }
        try {
            lost.get(WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !client.isConnected();
        }
    }

    private static TwinUpdate desired(String json) throws Exception {
        return new TwinUpdate(Optional.empty(), Optional.of((ObjectNode) JSON.readTree(json)));
    }
}
