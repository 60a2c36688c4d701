package dev.vigil.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A device of the device-API benchmark over MQTT, as the IoT Hub SDKs speak it: it answers every
 * direct method at once with status 200, and sends twin requests whose answers it hands back by
 * {@code $rid}; it can also publish telemetry at QoS 1.
 */
final class BenchDevice implements AutoCloseable {
    private static final String TWIN_RESPONSES = "$iothub/twin/res/#";
    private static final String METHOD_REQUESTS = "$iothub/methods/POST/#";
    private static final byte[] METHOD_ANSWER = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);

    private final MqttAsyncClient client;
    private final String deviceId;
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<String, CompletableFuture<String>> pendingTwin = new ConcurrentHashMap<>();

    private BenchDevice(MqttAsyncClient client, String deviceId) {
        this.client = client;
        this.deviceId = deviceId;
    }

    /**
     * Connects over {@code uri} ({@code tcp://} or {@code ssl://} with {@code sockets}) and, when
     * {@code serveTwinsAndMethods}, subscribes to twin answers and method requests.
     */
    static BenchDevice connect(String uri, SocketFactory sockets, String hubHost, String deviceId, String token, boolean serveTwinsAndMethods, int maxInFlight)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(uri, deviceId, new MemoryPersistence());
        BenchDevice device = new BenchDevice(client, deviceId);
        client.setCallback(device.callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(30);
        options.setKeepAliveInterval(300);
        options.setMaxInflight(maxInFlight);
        options.setUserName(hubHost + "/" + deviceId + "/?api-version=2021-04-12");
        options.setPassword(token.toCharArray());
        if (sockets != null) {
            options.setSocketFactory(sockets);
            options.setHttpsHostnameVerificationEnabled(false);
        }
        client.connect(options).waitForCompletion(30_000);
        if (serveTwinsAndMethods) {
            client.subscribe(new String[] {TWIN_RESPONSES, METHOD_REQUESTS}, new int[] {0, 0}).waitForCompletion(30_000);
        }
        return device;
    }

    String deviceId() {
        return deviceId;
    }

    /** {@code $iothub/twin/GET}; completes with the answer's topic. */
    CompletableFuture<String> getTwin() {
        return twinRequest("$iothub/twin/GET/?$rid=", new byte[0]);
    }

    /** {@code $iothub/twin/PATCH/properties/reported}; completes with the answer's topic. */
    CompletableFuture<String> patchReported(String json) {
        return twinRequest("$iothub/twin/PATCH/properties/reported/?$rid=", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Telemetry at QoS 1; completes on the PUBACK. */
    CompletableFuture<Void> publish(String topic, byte[] body) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        MqttMessage message = new MqttMessage(body);
        message.setQos(1);
        try {
            client.publish(topic, message, null, listener(acknowledged));
        } catch (MqttException e) {
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private CompletableFuture<String> twinRequest(String topicPrefix, byte[] body) {
        String rid = Long.toString(requestIds.incrementAndGet());
        CompletableFuture<String> answered = new CompletableFuture<>();
        pendingTwin.put(rid, answered);
        try {
            client.publish(topicPrefix + rid, body, 0, false);
        } catch (MqttException e) {
            pendingTwin.remove(rid);
            answered.completeExceptionally(e);
        }
        return answered;
    }

    private MqttCallback callback() {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                pendingTwin.values().forEach(f -> f.completeExceptionally(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws MqttException {
                String rid = requestId(topic);
                if (topic.startsWith("$iothub/methods/POST/")) {
                    client.publish("$iothub/methods/res/200/?$rid=" + rid, METHOD_ANSWER, 0, false);
                } else if (topic.startsWith("$iothub/twin/res/")) {
                    CompletableFuture<String> pending = pendingTwin.remove(rid);
                    if (pending != null) {
                        pending.complete(topic);
                    }
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // QoS 1 publishes complete through their listeners
            }
        };
    }

    private static String requestId(String topic) {
        int at = topic.indexOf("$rid=");
        if (at < 0) {
            return "";
        }
        int end = topic.indexOf('&', at);
        return topic.substring(at + 5, end < 0 ? topic.length() : end);
    }

    private static IMqttActionListener listener(CompletableFuture<Void> done) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                done.complete(null);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable failure) {
                done.completeExceptionally(failure);
            }
        };
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing left to release
        }
    }
}
