package dev.vigil.server.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A device on MQTT 3.1.1 as the IoT Hub device SDKs connect: QoS 1 publishes marked as security messages in the topic. */
final class MqttDeviceTransport implements DeviceTransport {
    static final String API_VERSION = "2021-04-12";
    private static final String SECURITY_TOPIC_PROPERTIES = "$.ifid=" + URLEncoder.encode(SecurityMessageWriter.SECURITY_INTERFACE_ID, StandardCharsets.UTF_8);

    private final MqttAsyncClient client;
    private final String topic;

    private MqttDeviceTransport(MqttAsyncClient client, String deviceId) {
        this.client = client;
        this.topic = "devices/" + deviceId + "/messages/events/" + SECURITY_TOPIC_PROPERTIES;
    }

    /** Connects and waits for the CONNACK; a refusal throws with the MQTT return code in the exception. */
    static MqttDeviceTransport connect(String host, int port, SimulatedDevice device, String token, int maxInFlight) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://" + host + ":" + port, device.deviceId(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(60);
        options.setMaxInflight(maxInFlight);
        options.setUserName(device.hubHost() + "/" + device.deviceId() + "/?api-version=" + API_VERSION);
        options.setPassword(token.toCharArray());
        try {
            client.connect(options).waitForCompletion(15_000);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return new MqttDeviceTransport(client, device.deviceId());
    }

    @Override
    public CompletableFuture<Void> send(String message) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        MqttMessage mqttMessage = new MqttMessage(message.getBytes(StandardCharsets.UTF_8));
        mqttMessage.setQos(1);
        try {
            client.publish(topic, mqttMessage, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    acknowledged.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2_000).waitForCompletion(3_000);
            }
        } catch (MqttException e) {
            // Closing anyway: the server drops the session either way.
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // Nothing is left to release.
        }
    }
}
