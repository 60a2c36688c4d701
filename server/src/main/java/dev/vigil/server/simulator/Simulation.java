package dev.vigil.server.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.iot.auth.SasTokenGenerator;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A fleet of simulated devices: provisions it through the registry API, then sends security
 * messages over real MQTT and HTTPS at the configured rate for the configured time, optionally
 * with the attack scenarios, reporting progress as it goes.
 *
 * <p>One pacing thread decides what each device sends next, so a device's messages leave in
 * order; acknowledgements come back asynchronously, at most {@code inFlightPerDevice} per device.
 * Each device's first message is its periodic baseline; its tenth, twentieth... again periodic;
 * the others carry triggered events. The attacks follow the first round of baselines.
 */
public final class Simulation {
    private static final int PERIODIC_EVERY = 10;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final SimulationSettings settings;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final LongAdder sent = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final AtomicInteger reportedErrors = new AtomicInteger();
    private final SplittableRandom random = new SplittableRandom(42);
    private long startNanos;

    private Simulation(SimulationSettings settings, PrintWriter out) {
        this.settings = settings;
        this.out = out;
    }

    /** Runs the whole simulation and returns once every message sent is acknowledged or failed (or 30 s passed). */
    public static SimulationReport run(SimulationSettings settings, PrintWriter out) throws InterruptedException {
        requireLoopback(settings.server().getHost(), "server");
        requireLoopback(settings.mqttHost(), "MQTT host");
        return new Simulation(settings, out).run();
    }

    private SimulationReport run() throws InterruptedException {
        startNanos = System.nanoTime();
        List<SimulatedDevice> devices = new FleetProvisioner(settings, http).provision();
        long overMqtt = devices.stream().filter(device -> device.protocol() == DeviceProtocol.MQTT).count();
        print("Fleet ready: %d devices (%d over MQTT, %d over HTTPS) on %d hub(s) in %d subscription(s), security monitoring on%s",
                devices.size(), overMqtt, devices.size() - overMqtt, settings.hubs(), settings.subscriptions(),
                settings.connectWorkspace().map(ws -> ", connected to workspace '" + ws + "'").orElse(""));
        List<AttackScenario> attacks = settings.attacks() ? List.of(AttackScenario.values()) : List.of();
        for (int i = 0; i < attacks.size(); i++) {
            if (attacks.get(i).isCredentialAttack()) {
                // Before the device's own connection opens, so a refused MQTT CONNECT cannot disturb it.
                tryForgedToken(attacks.get(i), devices.get(i % devices.size()));
            }
        }
        List<FleetMember> fleet = connect(devices);
        for (int i = 0; i < attacks.size(); i++) {
            if (!attacks.get(i).isCredentialAttack()) {
                fleet.get(i % fleet.size()).pendingAttacks.add(attacks.get(i));
            }
        }
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigil-simulate-progress");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.progressInterval().toMillis();
        reporter.scheduleAtFixedRate(() -> print("%s", progress().describe()), interval, interval, TimeUnit.MILLISECONDS);
        long trafficStart = System.nanoTime();
        Duration traffic;
        try {
            drive(fleet);
            traffic = Duration.ofNanos(System.nanoTime() - trafficStart);
        } finally {
            reporter.shutdownNow();
            fleet.forEach(member -> member.transport.close());
        }
        SimulationProgress last = progress();
        print("Done: %s", last.describe());
        return new SimulationReport(devices, attacks, last, traffic);
    }

    /** The current counts. */
    private SimulationProgress progress() {
        return new SimulationProgress(Duration.ofNanos(System.nanoTime() - startNanos), sent.sum(), acknowledged.sum(), events.sum(),
                errors.sum(), refused.sum());
    }

    private List<FleetMember> connect(List<SimulatedDevice> devices) {
        Instant expiry = Instant.now().plus(settings.duration()).plus(Duration.ofHours(1));
        List<FleetMember> fleet = new ArrayList<>();
        try {
            for (SimulatedDevice device : devices) {
                String token = SasTokenGenerator.deviceToken(device.hubHost(), device.deviceId(), device.primaryKey(), expiry);
                DeviceTransport transport = switch (device.protocol()) {
                    case MQTT -> MqttDeviceTransport.connect(settings.mqttHost(), settings.mqttPort(), device, token, settings.inFlightPerDevice());
                    case HTTPS -> new HttpsDeviceTransport(http, settings.server(), device, token);
                };
                fleet.add(new FleetMember(device, transport));
            }
        } catch (MqttException e) {
            fleet.forEach(member -> member.transport.close());
            throw new SimulatorException(SimulatorException.CONNECT_FAILED, "a device could not connect over MQTT to "
                    + settings.mqttHost() + ":" + settings.mqttPort() + " (return code " + e.getReasonCode() + "): " + e.getMessage(), e);
        }
        return fleet;
    }

    /** Sends messages round-robin over the fleet until the duration is up, then waits for the outstanding acknowledgements. */
    private void drive(List<FleetMember> fleet) throws InterruptedException {
        int slots = fleet.size() * settings.inFlightPerDevice();
        Semaphore window = new Semaphore(slots);
        long end = System.nanoTime() + settings.duration().toNanos();
        long gap = settings.rate() == 0 ? 0 : 1_000_000_000L / settings.rate();
        long due = System.nanoTime();
        int next = 0;
        while (System.nanoTime() < end) {
            if (gap > 0) {
                LockSupport.parkNanos(due - System.nanoTime());
                due += gap;
            }
            if (!window.tryAcquire(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            // A free slot exists, so some device has fewer than inFlightPerDevice messages out.
            FleetMember member = fleet.get(next);
            while (member.inFlight.get() >= settings.inFlightPerDevice()) {
                next = (next + 1) % fleet.size();
                member = fleet.get(next);
            }
            next = (next + 1) % fleet.size();
            send(member, window);
        }
        if (!window.tryAcquire(slots, DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            print("Gave up waiting for %d acknowledgements after %ds", slots - window.availablePermits(), DRAIN_TIMEOUT.toSeconds());
        }
    }

    private void send(FleetMember member, Semaphore window) {
        List<ObjectNode> batch = member.nextEvents(settings.triggeredEventsPerMessage());
        member.inFlight.incrementAndGet();
        sent.increment();
        member.transport.send(member.writer.message(batch)).whenComplete((ignored, failure) -> {
            member.inFlight.decrementAndGet();
            window.release();
            if (failure == null) {
                acknowledged.increment();
                events.add(batch.size());
            } else {
                errors.increment();
                reportError(member.device.deviceId() + ": " + failure.getMessage());
            }
        });
    }

    /** Connects with an expired or forged token over the device's protocol; the hub must refuse it. */
    private void tryForgedToken(AttackScenario attack, SimulatedDevice device) throws InterruptedException {
        String token = attack == AttackScenario.EXPIRED_SAS_TOKEN
                ? SasTokenGenerator.deviceToken(device.hubHost(), device.deviceId(), device.primaryKey(), Instant.now().minus(Duration.ofHours(1)))
                : SasTokenGenerator.deviceToken(device.hubHost(), device.deviceId(), randomKey(), Instant.now().plus(Duration.ofHours(1)));
        boolean wasRefused;
        if (device.protocol() == DeviceProtocol.MQTT) {
            try {
                MqttDeviceTransport.connect(settings.mqttHost(), settings.mqttPort(), device, token, 1).close();
                wasRefused = false;
            } catch (MqttException e) {
                wasRefused = e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                        || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED;
            }
        } else {
            SecurityMessageWriter writer = new SecurityMessageWriter(device.deviceId());
            int status = new HttpsDeviceTransport(http, settings.server(), device, token)
                    .post(writer.message(writer.periodicEvents(Instant.now()))).handle((response, failure) -> failure == null ? response.statusCode() : -1)
                    .toCompletableFuture().join();
            wasRefused = status == 401;
        }
        if (wasRefused) {
            refused.increment();
        } else {
            errors.increment();
            reportError(device.deviceId() + ": the hub did not refuse the " + attack + " attempt");
        }
    }

    private void reportError(String message) {
        // The first few name the problem; after that the counts tell the story.
        if (reportedErrors.incrementAndGet() <= 5) {
            print("error: %s", message);
        }
    }

    private void print(String format, Object... arguments) {
        synchronized (out) {
            out.printf(format + "%n", arguments);
            out.flush();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void requireLoopback(String host, String what) {
        try {
            if (host == null || !Arrays.stream(InetAddress.getAllByName(host)).allMatch(InetAddress::isLoopbackAddress)) {
                throw new SimulatorException(SimulatorException.NOT_LOOPBACK, "the simulator only runs against this machine; the " + what + " '" + host + "' is not a loopback address");
            }
        } catch (UnknownHostException e) {
            throw new SimulatorException(SimulatorException.NOT_LOOPBACK, "cannot resolve the " + what + " '" + host + "'", e);
        }
    }

    /** A device with its connection and what it sends next; only the pacing thread touches the queue and the count. */
    private final class FleetMember {
        final SimulatedDevice device;
        final DeviceTransport transport;
        final SecurityMessageWriter writer;
        final AtomicInteger inFlight = new AtomicInteger();
        final Queue<AttackScenario> pendingAttacks = new ArrayDeque<>();
        long messages;

        FleetMember(SimulatedDevice device, DeviceTransport transport) {
            this.device = device;
            this.transport = transport;
            this.writer = new SecurityMessageWriter(device.deviceId());
        }

        List<ObjectNode> nextEvents(int triggeredPerMessage) {
            Instant now = Instant.now();
            long index = messages++;
            if (index % PERIODIC_EVERY == 0) {
                return writer.periodicEvents(now);
            }
            if (!pendingAttacks.isEmpty()) {
                return pendingAttacks.poll().events(writer, now);
            }
            List<ObjectNode> batch = new ArrayList<>(triggeredPerMessage);
            for (int i = 0; i < triggeredPerMessage; i++) {
                batch.add(writer.benignEvent(now, random));
            }
            return batch;
        }
    }
}
