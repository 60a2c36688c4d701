package dev.vigil.iot.endpoint.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.MessageRefusal;
import dev.vigil.iot.endpoint.DeviceMessage;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.DeviceStatus;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.testing.IotBed;
import dev.vigil.iot.testing.MqttDevices;
import dev.vigil.iot.testing.SecurityMessages;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestMqttEndpoint {
    private static final String SECURITY_TOPIC_PROPERTIES = "$.ifid=urn%3Aazureiot%3ASecurity%3ASecurityAgent%3A1";

    @TempDir
    Path data;
    IotBed bed;
    MqttEndpoint endpoint;
    IotHub hub;
    Device device;

    @BeforeEach
    void start() {
        bed = new IotBed(data);
        hub = bed.hub("plant-hub", true);
        device = bed.device(hub, "sensor-1");
        endpoint = bed.mqttEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
        bed.close();
    }

    @Test
    void testQos1SecurityMessageIsQueryableAsSoonAsItIsAcknowledged() throws MqttException {
        MqttClient client = connected(device, IotBed.token(hub, device));
        String message = SecurityMessages.message(
                SecurityMessages.event("Triggered", "ProcessCreate", "Security", false,
                        "[{\"Executable\":\"/usr/bin/nc\",\"ProcessId\":11750,\"ParentProcessId\":1593,\"UserId\":0,\"CommandLine\":\"nc -e /bin/sh\"}]"),
                SecurityMessages.event("Periodic", "ListeningPorts", "Security", true, "[]"));

        client.publish("devices/sensor-1/messages/events/" + SECURITY_TOPIC_PROPERTIES, bytes(message), 1, false);

        // publish() returned: the PUBACK arrived, so the rows must already be committed.
        assertThat(bed.count("SecurityIoTRawEvent | where DeviceId == 'sensor-1' | count")).isEqualTo(2);
        assertThat(bed.count("SecurityIoTRawEvent | where RawEventName == 'ProcessCreate' and RawEventCategory == 'Triggered'"
                + " and RawEventType == 'Security' and AgentVersion == '0.0.1' and IsEmpty == false"
                + " and AssociatedResourceId == '" + hub.resourceId() + "' and AzureSubscriptionId == '" + IotBed.SUBSCRIPTION + "'"
                + " and EventDetails has 'nc -e' and TimeStamp == datetime(2019-01-27T13:48:52Z) | count")).isEqualTo(1);
        assertThat(bed.listener.securityMessages).hasSize(1);
        assertThat(bed.listener.securityMessages.get(0).device().deviceId()).isEqualTo("sensor-1");
        assertThat(bed.listener.deviceToCloud).hasSize(1);
        client.disconnect();
    }

    @Test
    void testMessageWithoutTheSecurityMarkOnlyCounts() throws MqttException {
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.publish("devices/sensor-1/messages/events/temperature=21", bytes(SecurityMessages.processCreate("/bin/ls", 1)), 1, false);

        assertThat(bed.count("SecurityIoTRawEvent | count")).isZero();
        assertThat(bed.listener.deviceToCloud).hasSize(1);
        assertThat(bed.listener.securityMessages).isEmpty();
        client.disconnect();
    }

    @Test
    void testHubWithMonitoringOffStoresNoRawEvents() throws MqttException {
        IotHub quiet = bed.hub("quiet-hub", false);
        Device other = bed.device(quiet, "sensor-1");
        MqttClient client = connected(other, quiet, IotBed.token(quiet, other));

        client.publish("devices/sensor-1/messages/events/" + SECURITY_TOPIC_PROPERTIES, bytes(SecurityMessages.processCreate("/bin/ls", 1)), 1, false);

        assertThat(bed.count("SecurityIoTRawEvent | count")).isZero();
        assertThat(bed.listener.securityMessages).isEmpty();
        assertThat(bed.listener.deviceToCloud).hasSize(1);
        client.disconnect();
    }

    @Test
    void testMalformedSecurityMessageIsDroppedCountedAndRecordedOnTheDevice() throws MqttException {
        MqttClient client = connected(device, IotBed.token(hub, device));
        String missingProcessId = SecurityMessages.message(SecurityMessages.event("Triggered", "ProcessCreate", "Security", false,
                "[{\"Executable\":\"/bin/ls\",\"ParentProcessId\":1,\"UserId\":0,\"CommandLine\":\"ls\"}]"));

        client.publish("devices/sensor-1/messages/events/" + SECURITY_TOPIC_PROPERTIES, bytes(missingProcessId), 1, false);

        assertThat(bed.count("SecurityIoTRawEvent | where RawEventType == 'Security' | count")).isZero();
        assertThat(bed.count("SecurityIoTRawEvent | where RawEventType == 'Operational' and RawEventName == 'InvalidSecurityMessage'"
                + " and EventDetails has 'Payload[0].ProcessId: required' | count")).isEqualTo(1);
        assertThat(bed.gateway.counters().of("plant-hub", "sensor-1").droppedSecurityMessages()).isEqualTo(1);
        assertThat(bed.listener.securityMessages).isEmpty();
        assertThat(client.isConnected()).isTrue();
        client.disconnect();
    }

    @Test
    void testBadSignatureIsRefusedWithCode4AndReported() {
        String forged = IotBed.token(hub, device).replaceFirst("sig=[^&]+", "sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D");

        assertThatThrownBy(() -> connected(device, forged))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(4));
        assertThat(bed.listener.refusals).extracting(f -> f.reason()).containsExactly(AuthenticationFailure.INVALID_SAS_SIGNATURE);
        assertThat(bed.listener.refusals.get(0).hubResourceId()).contains(hub.resourceId());
    }

    @Test
    void testConnectWithoutCredentialsIsRefusedWithCode4AndReported() {
        assertThatThrownBy(() -> connect("sensor-1", null, null))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(4));
        assertThat(bed.listener.refusals).extracting(f -> f.reason()).containsExactly(AuthenticationFailure.MALFORMED_CREDENTIALS);
    }

    @Test
    void testClientIdThatIsNotTheUsernamesDeviceIsRefusedWithCode2AndReported() {
        String username = hub.hostName(IotBed.DOMAIN) + "/sensor-1/?api-version=2021-04-12";

        assertThatThrownBy(() -> connect("sensor-2", username, IotBed.token(hub, device)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_INVALID_CLIENT_ID));
        assertThat(bed.listener.refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(AuthenticationFailure.CLIENT_ID_MISMATCH);
            assertThat(refusal.hubHost()).isEqualTo("plant-hub.azure-devices.net");
            assertThat(refusal.hubResourceId()).contains(hub.resourceId());
            assertThat(refusal.deviceId()).isEqualTo("sensor-1");
            assertThat(refusal.detail()).isEqualTo("the client id 'sensor-2' is not the device 'sensor-1' named in the username");
        });
        assertThat(endpoint.isConnected("plant-hub", "sensor-1")).isFalse();
    }

    @Test
    void testUnknownHubIsRefusedWithCode4AndReportedWithItsName() {
        String ghost = "ghost-hub." + IotBed.DOMAIN;
        String token = SasTokenGenerator.deviceToken(ghost, "sensor-1", device.primaryKey(), Instant.now().plusSeconds(600));

        assertThatThrownBy(() -> connect("sensor-1", ghost + "/sensor-1/?api-version=2021-04-12", token))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(4));
        assertThat(bed.listener.refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.reason()).isEqualTo(AuthenticationFailure.UNKNOWN_DEVICE);
            assertThat(refusal.hubHost()).isEqualTo(ghost);
            assertThat(refusal.hubResourceId()).isEmpty();
        });
    }

    @Test
    void testDisabledDeviceIsRefusedWithCode5() {
        bed.registry.setDeviceStatus(hub, "sensor-1", DeviceStatus.DISABLED);

        assertThatThrownBy(() -> connected(device, IotBed.token(hub, device)))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(5));
        assertThat(bed.listener.refusals).extracting(f -> f.reason()).containsExactly(AuthenticationFailure.DEVICE_DISABLED);
    }

    @Test
    void testSubscriptionToAnotherDevicesTopicIsRefused() throws MqttException {
        bed.device(hub, "sensor-2");
        MqttClient client = connected(device, IotBed.token(hub, device));

        assertThatThrownBy(() -> client.subscribe("devices/sensor-2/messages/devicebound/#", 1))
                .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_SUBSCRIBE_FAILED));
        client.subscribe("devices/sensor-1/messages/devicebound/#", 1);
        client.disconnect();
    }

    @Test
    void testDisablingTheDeviceClosesItsLiveSession() throws Exception {
        CountDownLatch lost = new CountDownLatch(1);
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.setCallback(new Callback(lost, null));

        bed.registry.setDeviceStatus(hub, "sensor-1", DeviceStatus.DISABLED);

        assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(endpoint.isConnected("plant-hub", "sensor-1")).isFalse();
    }

    @Test
    void testCloudToDeviceMessageIsDeliveredOnTheDeviceboundTopic() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.setCallback(new Callback(new CountDownLatch(1), received));
        client.subscribe("devices/sensor-1/messages/devicebound/#", 1);

        boolean live = endpoint.sendToDevice("plant-hub", "sensor-1", bytes("reboot"), Map.of("command", "reboot now"));

        assertThat(live).isTrue();
        assertThat(received.get(10, TimeUnit.SECONDS)).startsWith("devices/sensor-1/messages/devicebound/%24.mid=")
                .endsWith("&%24.to=%2Fdevices%2Fsensor-1%2Fmessages%2Fdevicebound&command=reboot%20now reboot");
        awaitNothingWaiting();
        client.disconnect();
    }

    @Test
    void testCloudToDeviceMessageWaitsForAnOfflineDeviceAcrossARestart() throws Exception {
        boolean live = endpoint.sendToDevice("plant-hub", "sensor-1", bytes("update firmware"), Map.of());
        assertThat(live).isFalse();
        endpoint.close();
        bed.close();

        bed = new IotBed(data);
        hub = bed.registry.findHub("plant-hub").orElseThrow();
        device = bed.registry.findDevice("plant-hub", "sensor-1").orElseThrow();
        endpoint = bed.mqttEndpoint();
        CompletableFuture<String> received = new CompletableFuture<>();
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.setCallback(new Callback(new CountDownLatch(1), received));
        client.subscribe("devices/sensor-1/messages/devicebound/#", 1);

        assertThat(received.get(10, TimeUnit.SECONDS)).endsWith(" update firmware");
        awaitNothingWaiting();
        client.disconnect();
    }

    @Test
    void testCloudToDeviceMessageNotAcknowledgedIsSentAgainOnTheNextConnection() throws Exception {
        endpoint.sendToDevice("plant-hub", "sensor-1", bytes("open valve 3"), Map.of());
        CountDownLatch lost = new CountDownLatch(1);
        MqttClient first = connected(device, IotBed.token(hub, device));
        // Paho acknowledges only after the callback returns; one that throws drops the connection unacknowledged.
        first.setCallback(new Callback(lost, null) {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                throw new IllegalStateException("the device crashed before it could act on the message");
            }
        });
        first.subscribe("devices/sensor-1/messages/devicebound/#", 1);
        assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bed.cloudToDevice.pending("plant-hub", "sensor-1")).hasSize(1);
        first.close(true);

        CompletableFuture<String> received = new CompletableFuture<>();
        MqttClient second = connected(device, IotBed.token(hub, device));
        second.setCallback(new Callback(new CountDownLatch(1), received));
        second.subscribe("devices/sensor-1/messages/devicebound/#", 1);

        assertThat(received.get(10, TimeUnit.SECONDS)).endsWith(" open valve 3");
        awaitNothingWaiting();
        second.disconnect();
    }

    @Test
    void testSameDeviceIdOnAnotherHubDoesNotReceiveTheMessage() throws Exception {
        IotHub otherHub = bed.hub("other-hub", true);
        Device twin = bed.device(otherHub, "sensor-1");
        CompletableFuture<String> wrongDelivery = new CompletableFuture<>();
        CompletableFuture<String> rightDelivery = new CompletableFuture<>();
        MqttClient other = connected(twin, otherHub, IotBed.token(otherHub, twin));
        other.setCallback(new Callback(new CountDownLatch(1), wrongDelivery));
        other.subscribe("devices/sensor-1/messages/devicebound/#", 1);
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.setCallback(new Callback(new CountDownLatch(1), rightDelivery));
        client.subscribe("devices/sensor-1/messages/devicebound/#", 1);

        endpoint.sendToDevice("plant-hub", "sensor-1", bytes("hello"), Map.of());

        assertThat(rightDelivery.get(10, TimeUnit.SECONDS)).endsWith(" hello");
        assertThat(wrongDelivery).isNotDone();
        client.disconnect();
        other.disconnect();
    }

    @Test
    void testSecondConnectionOfADeviceReplacesTheFirst() throws Exception {
        CountDownLatch firstLost = new CountDownLatch(1);
        CountDownLatch secondLost = new CountDownLatch(1);
        MqttClient first = connected(device, IotBed.token(hub, device));
        first.setCallback(new Callback(firstLost, null));

        MqttClient second = connected(device, IotBed.token(hub, device));
        second.setCallback(new Callback(secondLost, null));

        assertThat(firstLost.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(first.isConnected()).isFalse();
        second.publish("devices/sensor-1/messages/events/", bytes("{\"temperature\":21}"), 1, false);
        assertThat(second.isConnected()).isTrue();
        assertThat(secondLost.getCount()).isEqualTo(1);
        assertThat(endpoint.isConnected("plant-hub", "sensor-1")).isTrue();
        assertThat(bed.listener.deviceToCloud).hasSize(1);
        second.disconnect();
    }

    @Test
    void testQos2PublishClosesTheConnectionAndReportsWhy() throws Exception {
        CountDownLatch lost = new CountDownLatch(1);
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.setCallback(new Callback(lost, null));

        publishInBackground(client, "devices/sensor-1/messages/events/", 2, bytes("{}"));

        assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onlyRefusal().reason()).isEqualTo(MessageRefusal.QOS_NOT_SUPPORTED);
        assertThat(onlyRefusal().detail()).contains("QoS 2");
        assertThat(bed.listener.deviceToCloud).isEmpty();
    }

    @Test
    void testPublishToAnotherDevicesTopicClosesTheConnectionAndReportsWhy() throws Exception {
        CountDownLatch lost = new CountDownLatch(1);
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.setCallback(new Callback(lost, null));

        publishInBackground(client, "devices/sensor-2/messages/events/", 1, bytes("{}"));

        assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bed.listener.deviceToCloud).isEmpty();
        DeviceRefusal refusal = onlyRefusal();
        assertThat(refusal.reason()).isEqualTo(MessageRefusal.TOPIC_NOT_ALLOWED);
        assertThat(refusal.detail()).contains("'devices/sensor-2/messages/events/'").contains("devices/sensor-1/messages/events/");
        assertThat(refusal.deviceId()).isEqualTo("sensor-1");
        assertThat(refusal.hubHost()).isEqualTo("plant-hub.azure-devices.net");
        assertThat(refusal.hubResourceId()).contains(hub.resourceId());
    }

    @Test
    void testMessageOfExactly256KbIsTakenAndOneByteMoreClosesTheConnection() throws Exception {
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.publish("devices/sensor-1/messages/events/", new byte[DeviceMessage.MAX_BYTES], 1, false);
        assertThat(bed.listener.deviceToCloud).hasSize(1);
        CountDownLatch lost = new CountDownLatch(1);
        client.setCallback(new Callback(lost, null));

        publishInBackground(client, "devices/sensor-1/messages/events/", 1, new byte[DeviceMessage.MAX_BYTES + 1]);

        assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onlyRefusal().reason()).isEqualTo(MessageRefusal.MESSAGE_TOO_LARGE);
        assertThat(onlyRefusal().detail()).contains("262145 bytes").contains("at most 262144 bytes");
        assertThat(bed.listener.deviceToCloud).hasSize(1);
    }

    @Test
    void testPropertiesCountTowardTheLimit() throws Exception {
        CountDownLatch lost = new CountDownLatch(1);
        MqttClient client = connected(device, IotBed.token(hub, device));
        client.setCallback(new Callback(lost, null));

        publishInBackground(client, "devices/sensor-1/messages/events/site=plant-7", 1, new byte[DeviceMessage.MAX_BYTES - 10]);

        assertThat(lost.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(onlyRefusal().reason()).isEqualTo(MessageRefusal.MESSAGE_TOO_LARGE);
        assertThat(onlyRefusal().detail()).contains((DeviceMessage.MAX_BYTES - 10 + "site".length() + "plant-7".length()) + " bytes");
    }

    @Test
    void testPublishAnnouncingHundredMegabytesIsRefusedBeforeItsPayloadArrives() throws Exception {
        int announced = 100 * 1024 * 1024;
        long sent = 0;
        try (Socket socket = new Socket("127.0.0.1", endpoint.plainPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(encoded(MqttMessageBuilders.connect().clientId("sensor-1").protocolVersion(MqttVersion.MQTT_3_1_1).cleanSession(true)
                    .keepAlive(60).username("plant-hub.azure-devices.net/sensor-1/?api-version=2021-04-12")
                    .password(bytes(IotBed.token(hub, device))).build()));
            assertThat(socket.getInputStream().readNBytes(4)).as("CONNACK accepted").containsExactly(0x20, 0x02, 0x00, 0x00);
            byte[] topic = bytes("devices/sensor-1/messages/events/");
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            header.write(0x30); // PUBLISH, QoS 0
            for (int remaining = announced + 2 + topic.length; remaining > 0; remaining >>= 7) {
                header.write((remaining & 0x7f) | (remaining > 0x7f ? 0x80 : 0));
            }
            header.write(topic.length >> 8);
            header.write(topic.length & 0xff);
            header.write(topic);
            byte[] chunk = new byte[64 * 1024];
            try {
                out.write(header.toByteArray());
                while (sent < announced) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException closed) {
                // the endpoint closed the connection under the payload
            }
            assertThat(socket.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        } catch (SocketException reset) {
            // closed with a reset while the payload was still coming: closed all the same
        }

        assertThat(sent).as("bytes of the payload sent before the close").isLessThan(announced / 2);
        assertThat(onlyRefusal().reason()).isEqualTo(MessageRefusal.MESSAGE_TOO_LARGE);
        assertThat(onlyRefusal().detail()).contains((announced + 2 + 33) + " bytes");
        assertThat(bed.listener.deviceToCloud).isEmpty();
    }

    @Test
    void testSecurityMessageSentFiveTimesIsStoredCountedAndInspectedOnce() throws MqttException {
        MqttClient client = connected(device, IotBed.token(hub, device));
        byte[] message = bytes(SecurityMessages.processCreate("/usr/bin/nc", 4242));

        for (int copy = 0; copy < 5; copy++) {
            client.publish("devices/sensor-1/messages/events/" + SECURITY_TOPIC_PROPERTIES, message, 1, false);
        }

        assertThat(bed.count("SecurityIoTRawEvent | count")).isEqualTo(1);
        assertThat(bed.listener.securityMessages).hasSize(1);
        assertThat(bed.listener.deviceToCloud).hasSize(1);
        assertThat(bed.gateway.counters().of("plant-hub", "sensor-1").securityMessages()).isEqualTo(1);
        assertThat(bed.gateway.recentEventIds().duplicateEvents()).isEqualTo(4);
        client.disconnect();
    }

    private DeviceRefusal onlyRefusal() {
        assertThat(bed.listener.refusals).hasSize(1);
        return bed.listener.refusals.get(0);
    }

    private static byte[] encoded(io.netty.handler.codec.mqtt.MqttMessage message) {
        EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
        channel.writeOutbound(message);
        ByteBuf buffer = channel.readOutbound();
        byte[] encoded = ByteBufUtil.getBytes(buffer);
        buffer.release();
        channel.finishAndReleaseAll();
        return encoded;
    }

    /** The device's PUBACK reaches the queue asynchronously: wait for it, with a deadline. */
    private void awaitNothingWaiting() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!bed.cloudToDevice.pending("plant-hub", "sensor-1").isEmpty()) {
            assertThat(System.nanoTime()).as("the acknowledged message is still waiting").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private MqttClient connected(Device device, String token) throws MqttException {
        return connect(device.deviceId(), hub.hostName(IotBed.DOMAIN) + "/" + device.deviceId() + "/?api-version=2021-04-12", token);
    }

    private MqttClient connected(Device device, IotHub deviceHub, String token) throws MqttException {
        return connect(device.deviceId(), deviceHub.hostName(IotBed.DOMAIN) + "/" + device.deviceId() + "/?api-version=2021-04-12", token);
    }

    private MqttClient connect(String clientId, String username, String password) throws MqttException {
        return MqttDevices.connect(endpoint.plainPort(), clientId, username, password);
    }

    /** The connection is closed under the publish, which then fails; only the closing matters here. */
    private static void publishInBackground(MqttClient client, String topic, int qos, byte[] payload) {
        CompletableFuture.runAsync(() -> {
            try {
                client.publish(topic, payload, qos, false);
            } catch (MqttException expected) {
                // the connection was closed
            }
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Counts the connection loss and records the first message as "{topic} {payload}". */
    private static class Callback implements MqttCallback {
        private final CountDownLatch lost;
        private final CompletableFuture<String> received;

        Callback(CountDownLatch lost, CompletableFuture<String> received) {
            this.lost = lost;
            this.received = received;
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.countDown();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (received != null) {
                received.complete(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
