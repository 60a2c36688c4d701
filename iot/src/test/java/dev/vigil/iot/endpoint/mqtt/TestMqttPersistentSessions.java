package dev.vigil.iot.endpoint.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.method.DeviceNotOnlineException;
import dev.vigil.iot.method.DirectMethodRequest;
import dev.vigil.iot.method.DirectMethodResult;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.Module;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.iot.twin.TwinUpdate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT 3.1.1 persistent sessions (cleanSession=0) with Paho as the device: a client that
 * subscribed, went away and came back with cleanSession=0, without subscribing again, still gets
 * desired-property notifications, method calls, twin answers and the cloud-to-device messages
 * queued while it was offline; cleanSession=1 ends the session.
 */
class TestMqttPersistentSessions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 10;
    private static final String[] ALL_FILTERS = {DeviceTopics.TWIN_RESPONSES_FILTER, DeviceTopics.DESIRED_PROPERTIES_FILTER,
            DeviceTopics.METHODS_FILTER, DeviceTopics.cloudToDeviceFilter("sensor-1")};

    @TempDir
    Path data;
    IotBed bed;
    MqttEndpoint endpoint;
    IotHub hub;
    Device device;
    DeviceAddress sensor;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", false);
        device = bed.device(hub, "sensor-1");
        sensor = DeviceAddress.device(hub.name(), "sensor-1");
        endpoint = bed.mqttEndpointWithStoredSessions();
    }

    @AfterEach
    void stop() {
        endpoint.close();
        bed.close();
    }

    @Test
    void testAReconnectWithoutSubscribingAgainStillGetsNotificationsMethodsTwinAnswersAndQueuedMessages() throws Exception {
        PahoDevice connection = new PahoDevice("sensor-1", hub.hostName(IotBed.DOMAIN) + "/sensor-1/?api-version=2021-04-12", IotBed.token(hub, device));
        assertThat(connection.connect(false)).as("no session to resume on the first CONNECT").isFalse();
        connection.client.subscribe(ALL_FILTERS, new int[] {0, 0, 0, 1});
        connection.close();
        await("the server saw the device go", () -> !endpoint.isConnected(sensor));
        assertThat(endpoint.sendToDevice(hub.name(), "sensor-1", "open valve 3".getBytes(StandardCharsets.UTF_8), Map.of("command", "open")))
                .as("the device is offline: the message waits").isFalse();

        PahoDevice again = new PahoDevice(connection.clientId, connection.username, connection.password);
        assertThat(again.connect(false)).as("the CONNACK says the session is present").isTrue();

        Received queued = again.next();
        assertThat(queued.topic()).startsWith("devices/sensor-1/messages/devicebound/").contains("command=open");
        assertThat(queued.body()).isEqualTo("open valve 3");
        bed.twins.update(sensor, desired("{\"interval\":60}"), Optional.empty());
        Received notification = again.next();
        assertThat(notification.topic()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2");
        assertThat(notification.body()).isEqualTo("{\"interval\":60,\"$version\":2}");
        CompletableFuture<DirectMethodResult> call = bed.methods.invoke(sensor, DirectMethodRequest.of("reboot", JSON.readTree("{\"delay\":5}"), 10, 0));
        Received request = again.next();
        assertThat(request.topic()).startsWith("$iothub/methods/POST/reboot/?$rid=");
        again.client.publish("$iothub/methods/res/200/?$rid=" + request.topic().substring(request.topic().indexOf("$rid=") + 5),
                "{\"rebooting\":true}".getBytes(StandardCharsets.UTF_8), 1, false);
        assertThat(call.get(WAIT_SECONDS, TimeUnit.SECONDS).status()).isEqualTo(200);
        again.client.publish("$iothub/twin/GET/?$rid=9", new byte[0], 1, false);
        assertThat(again.next().topic()).isEqualTo("$iothub/twin/res/200/?$rid=9");
        awaitNothingDeliverable();
        again.close();
    }

    @Test
    void testACleanSessionEndsThePersistentOneAndItsSubscriptions() throws Exception {
        PahoDevice connection = new PahoDevice("sensor-1", hub.hostName(IotBed.DOMAIN) + "/sensor-1/?api-version=2021-04-12", IotBed.token(hub, device));
        connection.connect(false);
        connection.client.subscribe(DeviceTopics.METHODS_FILTER, 0);
        connection.close();

        PahoDevice clean = new PahoDevice(connection.clientId, connection.username, connection.password);
        assertThat(clean.connect(true)).as("a clean session is never present").isFalse();
        assertThatThrownBy(() -> bed.methods.invoke(sensor, DirectMethodRequest.of("reboot", null, 5, 0)).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DeviceNotOnlineException.class);
        clean.close();
        PahoDevice persistent = new PahoDevice(connection.clientId, connection.username, connection.password);

        assertThat(persistent.connect(false)).as("the clean session discarded the persistent one").isFalse();
        assertThatThrownBy(() -> bed.methods.invoke(sensor, DirectMethodRequest.of("reboot", null, 5, 0)).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DeviceNotOnlineException.class);
        persistent.close();
    }

    @Test
    void testAModulesSessionSurvivesARestartOfTheEndpointAndAnUnsubscribeIsKept() throws Exception {
        Module module = bed.registry.putModule(hub, "sensor-1", Module.SECURITY_MODULE, DeviceStatus.ENABLED);
        DeviceAddress address = DeviceAddress.module(hub.name(), "sensor-1", Module.SECURITY_MODULE);
        String token = IotBed.moduleToken(hub, module);
        PahoDevice connection = new PahoDevice("sensor-1/" + module.moduleId(),
                hub.hostName(IotBed.DOMAIN) + "/sensor-1/" + module.moduleId() + "/?api-version=2021-04-12", token);
        connection.connect(false);
        connection.client.subscribe(new String[] {DeviceTopics.DESIRED_PROPERTIES_FILTER, DeviceTopics.METHODS_FILTER}, new int[] {0, 0});
        connection.client.unsubscribe(DeviceTopics.METHODS_FILTER);
        connection.close();
        endpoint.close();
        endpoint = bed.mqttEndpointWithStoredSessions();

        PahoDevice again = new PahoDevice(connection.clientId, connection.username, connection.password);
        assertThat(again.connect(false)).as("the session was stored and came back with the endpoint").isTrue();
        bed.twins.update(address, desired("{\"highPriorityMessageFrequency\":{\"value\":\"PT1M\"}}"), Optional.empty());

        assertThat(again.next().topic()).isEqualTo("$iothub/twin/PATCH/properties/desired/?$version=2");
        assertThatThrownBy(() -> bed.methods.invoke(address, DirectMethodRequest.of("reboot", null, 5, 0)).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the unsubscribed methods stay unsubscribed")
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DeviceNotOnlineException.class);
        again.close();
    }

    /** The device's PUBACK completes the queued message, on the endpoint's storage thread. */
    private void awaitNothingDeliverable() throws InterruptedException {
        await("the queued message completed", () -> bed.cloudToDevice.deliverable(hub.name(), "sensor-1").isEmpty());
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + WAIT_SECONDS + " s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static TwinUpdate desired(String json) throws Exception {
        return new TwinUpdate(Optional.empty(), Optional.of((ObjectNode) JSON.readTree(json)));
    }

    private record Received(String topic, String body) {
    }

    /** One Paho connection of a device or module; everything it receives, subscribed in this connection or not, is queued. */
    private final class PahoDevice {
        final String clientId;
        final String username;
        final String password;
        final MqttClient client;
        final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

        PahoDevice(String clientId, String username, String password) throws MqttException {
            this.clientId = clientId;
            this.username = username;
            this.password = password;
            this.client = new MqttClient("tcp://127.0.0.1:" + endpoint.plainPort(), clientId, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                }

                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8)));
                }

                @Override
                public void deliveryComplete(IMqttDeliveryToken token) {
                }
            });
        }

        /** @return the CONNACK's session-present flag */
        boolean connect(boolean cleanSession) throws MqttException {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setCleanSession(cleanSession);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout(10);
            options.setUserName(username);
            options.setPassword(password.toCharArray());
            return client.connectWithResult(options).getSessionPresent();
        }

        Received next() throws InterruptedException {
            Received next = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(next).as("a message within " + WAIT_SECONDS + " s").isNotNull();
            return next;
        }

        void close() throws MqttException {
            client.disconnect();
            client.close();
        }
    }
}
