package dev.vigil.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.iot.auth.SasTokenGenerator;
import dev.vigil.server.IotSettings;
import dev.vigil.server.tls.SelfSignedCertificate;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The device APIs of an IoT hub under a connected fleet: the real server in a process of its own
 * ({@link IotBenchServer}), {@code devices} devices connected over MQTT (each answering direct
 * methods at once), then, per operation and for {@code seconds}, {@code workers} callers each doing
 * one operation on a random device after the other: twin GET and reported PATCH from the device over
 * MQTT, twin GET and desired PATCH through the service API, and a direct method through the service
 * API. Then MQTT telemetry throughput (QoS 1, counted by the hub, no routing) over TLS against
 * plaintext, runs alternating. Not JMH: a run is a fleet, not a method call.
 *
 * <pre>bench/run-iot device-api [devices=1000] [seconds=15] [workers=4] [telemetry-devices=8] [parts=all]</pre>
 *
 * <p>{@code parts} picks what runs, comma-separated: {@code twin-get}, {@code reported-patch},
 * {@code service-twin-get}, {@code desired-patch}, {@code method}, {@code telemetry}, or {@code all}.
 */
public final class IotDeviceApiBenchmark {
    private static final String SUBSCRIPTION = "bench-sub";
    private static final String HUB = "bench-hub";
    private static final String HUB_HOST = HUB + "." + IotSettings.DEFAULT_DOMAIN;
    private static final String HUB_PATH = "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/" + HUB;
    private static final int TELEMETRY_WINDOW = 32;
    private static final byte[] TELEMETRY = telemetryBody();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IotBenchServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final PrintWriter out = new PrintWriter(System.out, true);

    private IotDeviceApiBenchmark(IotBenchServer server) {
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Duration duration = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15);
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int telemetryDevices = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Set<String> parts = Set.of((args.length > 4 ? args[4] : "all").split(","));
        Path data = Files.createTempDirectory("vigil-iot-device-api-bench");
        try (IotBenchServer server = IotBenchServer.launch(data)) {
            new IotDeviceApiBenchmark(server).run(data, devices, duration, workers, telemetryDevices, parts);
        } finally {
            BenchWorkspace.deleteRecursively(data);
        }
    }

    private void run(Path data, int devices, Duration duration, int workers, int telemetryDevices, Set<String> parts) throws Exception {
        out.printf("%d devices connected over MQTT, %d callers per operation, %ds per operation, %d cores, load average %s; server in its own process%n",
                devices, workers, duration.toSeconds(), Runtime.getRuntime().availableProcessors(), loadAverage());
        List<String> keys = provision(devices);
        boolean fleetParts = parts.contains("all") || !Set.of("telemetry").containsAll(parts);
        List<BenchDevice> fleet = fleetParts ? connect(keys, "tcp://127.0.0.1:" + server.mqttPort(), null, true, 10) : List.of();
        try {
            out.printf("fleet connected; load average %s%n", loadAverage());
            AtomicLong counter = new AtomicLong();
            Map<String, Operation> operations = new java.util.LinkedHashMap<>();
            Map<String, String> partOf = Map.of("twin GET, device over MQTT", "twin-get", "twin PATCH reported, device over MQTT", "reported-patch",
                    "twin GET, service API", "service-twin-get", "twin PATCH desired, service API", "desired-patch", "direct method, service API", "method");
            operations.put("twin GET, device over MQTT", device -> device.getTwin().get(10, TimeUnit.SECONDS));
            operations.put("twin PATCH reported, device over MQTT", device -> device.patchReported("{\"reading\":" + counter.incrementAndGet() + "}")
                    .get(10, TimeUnit.SECONDS));
            operations.put("twin GET, service API", device -> expect(200, send("GET", HUB_PATH + "/devices/" + device.deviceId() + "/twin", null)));
            operations.put("twin PATCH desired, service API", device -> expect(200, send("PATCH", HUB_PATH + "/devices/" + device.deviceId() + "/twin",
                    Map.of("properties", Map.of("desired", Map.of("interval", counter.incrementAndGet()))))));
            operations.put("direct method, service API", device -> expect(200, send("POST", HUB_PATH + "/devices/" + device.deviceId() + "/methods",
                    Map.of("methodName", "ping", "payload", Map.of("n", 1), "responseTimeoutInSeconds", 10))));
            operations.keySet().removeIf(name -> !parts.contains("all") && !parts.contains(partOf.get(name)));
            for (Map.Entry<String, Operation> operation : operations.entrySet()) {
                measure(fleet, operation.getValue(), workers, Duration.ofSeconds(3)); // warm-up
                Latencies latencies = measure(fleet, operation.getValue(), workers, duration);
                out.printf("%-40s %s%n", operation.getKey(), latencies.summary());
            }
        } finally {
            fleet.forEach(BenchDevice::close);
        }
        if (!parts.contains("all") && !parts.contains("telemetry")) {
            return;
        }
        SSLSocketFactory tls = trusting(data);
        List<String> telemetryKeys = keys.subList(0, Math.min(telemetryDevices, keys.size()));
        out.printf("telemetry: %d devices, QoS 1, %d in flight per device, %d-byte JSON bodies, %ds per run; load average %s%n", telemetryKeys.size(),
                TELEMETRY_WINDOW, TELEMETRY.length, duration.toSeconds(), loadAverage());
        telemetry(telemetryKeys, false, Duration.ofSeconds(3), tls); // warm-up
        telemetry(telemetryKeys, true, Duration.ofSeconds(3), tls);
        for (int round = 1; round <= 2; round++) {
            TelemetryRun plain = telemetry(telemetryKeys, false, duration, tls);
            TelemetryRun secure = telemetry(telemetryKeys, true, duration, tls);
            out.printf("round %d: plaintext %,.0f messages/s, TLS %,.0f messages/s, TLS / plaintext %.2f; server CPU per message"
                            + " plaintext %.1f µs, TLS %.1f µs, TLS / plaintext %.2f (load average %s)%n", round, plain.perSecond(), secure.perSecond(),
                    secure.perSecond() / plain.perSecond(), plain.serverCpuMicrosPerMessage(), secure.serverCpuMicrosPerMessage(),
                    secure.serverCpuMicrosPerMessage() / plain.serverCpuMicrosPerMessage(), loadAverage());
        }
    }

    @FunctionalInterface
    private interface Operation {
        void call(BenchDevice device) throws Exception;
    }

    /** {@code workers} callers, each calling the operation on random devices one after the other, for the duration. */
    private static Latencies measure(List<BenchDevice> fleet, Operation operation, int workers, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long end = System.nanoTime() + duration.toNanos();
        latencies.start();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    BenchDevice device = fleet.get(ThreadLocalRandom.current().nextInt(fleet.size()));
                    long start = System.nanoTime();
                    try {
                        operation.call(device);
                        latencies.add(System.nanoTime() - start);
                    } catch (Exception e) {
                        latencies.failed(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        latencies.stop();
        pool.shutdown();
        return latencies;
    }

    /**
     * One telemetry run: messages acknowledged per second, and the server process's CPU time per
     * acknowledged message (its own cost, apart from the bench's devices on the same cores).
     */
    private record TelemetryRun(double perSecond, double serverCpuMicrosPerMessage) {
    }

    /** Messages acknowledged (PUBACK) over the run, each device keeping {@link #TELEMETRY_WINDOW} in flight. */
    private TelemetryRun telemetry(List<String> keys, boolean overTls, Duration duration, SSLSocketFactory tls) throws Exception {
        String uri = overTls ? "ssl://localhost:" + server.mqttTlsPort() : "tcp://127.0.0.1:" + server.mqttPort();
        List<BenchDevice> devices = connect(keys, uri, overTls ? tls : null, false, TELEMETRY_WINDOW);
        AtomicLong acknowledged = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(devices.size());
        Duration serverCpuBefore = server.cpuTime();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<CompletableFuture<Void>> loops = new ArrayList<>();
            for (BenchDevice device : devices) {
                Semaphore window = new Semaphore(TELEMETRY_WINDOW);
                String topic = "devices/" + device.deviceId() + "/messages/events/$.ct=application%2Fjson&$.ce=utf-8";
                loops.add(CompletableFuture.runAsync(() -> {
                    while (System.nanoTime() < end) {
                        window.acquireUninterruptibly();
                        device.publish(topic, TELEMETRY).whenComplete((done, failure) -> {
                            if (failure == null) {
                                acknowledged.incrementAndGet();
                            }
                            window.release();
                        });
                    }
                    window.acquireUninterruptibly(TELEMETRY_WINDOW);
                }, senders));
            }
            CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).get(duration.toSeconds() + 60, TimeUnit.SECONDS);
        } finally {
            senders.shutdown();
            devices.forEach(BenchDevice::close);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double serverCpuMicros = server.cpuTime().minus(serverCpuBefore).toNanos() / 1e3;
        return new TelemetryRun(acknowledged.get() / seconds, serverCpuMicros / Math.max(1, acknowledged.get()));
    }

    /** The bench hub (monitoring off: telemetry is only counted) and its devices; their primary keys, in device order. */
    private List<String> provision(int devices) throws Exception {
        expect(200, send("PUT", "/api/subscriptions/" + SUBSCRIPTION, Map.of("displayName", "bench")));
        expect(200, send("PUT", "/api/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg", Map.of()));
        expect(200, send("PUT", HUB_PATH, Map.of("properties", Map.of("securitySettings", Map.of("status", "Disabled")))));
        List<CompletableFuture<String>> keys = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < devices; i++) {
            String path = HUB_PATH + "/devices/" + deviceId(i);
            keys.add(CompletableFuture.supplyAsync(() -> {
                try {
                    expect(200, sendRetrying("PUT", path, Map.of()));
                    HttpResponse<String> listed = expect(200, sendRetrying("POST", path + "/listKeys", Map.of()));
                    return JSON.readTree(listed.body()).path("primaryKey").asText();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        List<String> result = new ArrayList<>();
        for (CompletableFuture<String> key : keys) {
            result.add(key.get(5, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return result;
    }

    private static List<BenchDevice> connect(List<String> keys, String uri, SSLSocketFactory sockets, boolean serve, int maxInFlight) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<BenchDevice>> connecting = new ArrayList<>();
        Instant expiry = Instant.now().plus(Duration.ofHours(2));
        for (int i = 0; i < keys.size(); i++) {
            String deviceId = deviceId(i);
            String token = SasTokenGenerator.deviceToken(HUB_HOST, deviceId, keys.get(i), expiry);
            connecting.add(pool.submit(() -> connectRetrying(uri, sockets, deviceId, token, serve, maxInFlight)));
        }
        List<BenchDevice> devices = new ArrayList<>();
        for (Future<BenchDevice> device : connecting) {
            devices.add(device.get(2, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return devices;
    }

    /**
     * Setting up the fleet is not measured: on a loaded machine a connection now and then is lost
     * while it subscribes, and is tried again (with the cause printed) rather than ending the run.
     */
    private static BenchDevice connectRetrying(String uri, SSLSocketFactory sockets, String deviceId, String token, boolean serve, int maxInFlight)
            throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return BenchDevice.connect(uri, sockets, HUB_HOST, deviceId, token, serve, maxInFlight);
            } catch (Exception e) {
                if (attempt == 3) {
                    throw e;
                }
                System.err.printf("device %s: connecting failed (%s), trying again%n", deviceId, e);
            }
        }
    }

    private static String deviceId(int index) {
        return String.format("bench-%04d", index);
    }

    /** For provisioning, which repeats safely: a pooled connection the server closed meanwhile fails the first try. */
    private HttpResponse<String> sendRetrying(String method, String path, Object body) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(method, path, body);
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + server.adminKey()).header("Content-Type", "application/json").method(method, publisher).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** A socket factory trusting the server's self-signed certificate. */
    private static SSLSocketFactory trusting(Path data) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("vigil", SelfSignedCertificate.createOrLoad(IotBenchServer.tlsDirectory(data), IotSettings.DEFAULT_DOMAIN).certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static byte[] telemetryBody() {
        StringBuilder body = new StringBuilder("{\"machine\":\"press-7\",\"readings\":[");
        for (int i = 0; body.length() < 1000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"sensor\":\"t").append(i).append("\",\"value\":").append(20 + i % 17).append(".5}");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
