package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertSink;
import dev.vigil.iot.device.AuthenticationFailure;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.device.DeviceRefusal;
import dev.vigil.iot.device.Protocol;
import dev.vigil.iot.message.SecurityEvent;
import dev.vigil.iot.message.SecurityMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection engine: listens to the device endpoints, keeps streaming state per device, and
 * raises IoT alerts for hubs with security monitoring on. Calls return at once; the work runs on
 * lanes (one thread each, a device always on the same one). Conditions use event time, so the
 * same events in the same order raise the same alerts; only silence and the closing of custom
 * rule windows look at the {@link Clock}.
 */
public final class DetectionEngine implements DeviceActivityListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionEngine.class);

    private final DetectionSettings settings;
    private final AlertSink alerts;
    private final Clock clock;
    private final List<Detector> detectors;
    private final List<DetectionLane> lanes = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong processedEvents = new AtomicLong();
    private final DetectionOptions options;
    /** Where last message times are saved; set by {@link #restore}. */
    private volatile DetectionHistory history;

    public DetectionEngine(DetectionSettings settings, AlertSink alerts, Clock clock, DetectionOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.options = Objects.requireNonNull(options, "options");
        this.detectors = Detectors.all(options);
        for (int index = 0; index < options.lanes(); index++) {
            lanes.add(new DetectionLane(index, options.laneQueueCapacity(), detectors, alerts, options.idleEviction()));
        }
        if (options.clockInterval().isZero()) {
            ticker = null;
        } else {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "vigil-detection-clock");
                thread.setDaemon(true);
                return thread;
            });
            long millis = options.clockInterval().toMillis();
            ticker.scheduleAtFixedRate(this::checkClock, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Every alert type the engine can raise, in catalogue order. */
    public static List<AlertDefinition> alertDefinitions() {
        return Detectors.definitions(Detectors.all(DetectionOptions.defaults()));
    }

    @Override
    public void securityMessage(DeviceIdentity device, SecurityMessage message, Protocol protocol, Instant receivedAt) {
        submit(device, () -> inspect(device, message));
    }

    /**
     * Rebuilds the streaming state kept before a restart, before the endpoints open: the saved last
     * message times (for "Device silent"), each device's newest {@code LocalUsers} and
     * {@code FirewallConfiguration} snapshot (what changes are judged against), and the stored
     * {@code Login} and {@code ConnectionCreate} events of the longest window in use (brute force,
     * custom rule counts). From then on, last message times are saved on every look at the clock.
     * Replayed events raise what they raised before; alert ids are deterministic, so that merges
     * into the alerts that exist (and recovers any that a crash kept from being stored).
     */
    public void restore(DetectionHistory source) {
        Instant now = clock.instant();
        onEveryLane(lane -> lane.judgeMinimumsFrom(now)).join();
        try {
            for (LastMessage last : source.lastMessages()) {
                waitingSubmit(last.device(), () -> lane(last.device()).restoreLastMessage(last, now));
            }
            source.replayNewest(List.of("LocalUsers", "FirewallConfiguration"), now.minus(options.idleEviction()), this::replayed);
            Duration window = Collections.max(List.of(options.bruteForceWindow(), settings.longestTimeWindow()));
            source.replay(List.of("Login", "ConnectionCreate"), now.minus(window).minus(options.windowCloseDelay()), this::replayed);
            flush().join();
            LOG.info("detection state rebuilt: {} devices", trackedDevices().join());
        } catch (RuntimeException e) {
            // Detection still runs, with what was rebuilt so far; devices are not refused over it.
            LOG.error("could not rebuild all of detection's state from before the restart", e);
        }
        this.history = source;
    }

    private void replayed(DeviceIdentity device, SecurityMessage message) {
        waitingSubmit(device, () -> inspect(device, message));
    }

    private void inspect(DeviceIdentity device, SecurityMessage message) {
        if (!settings.monitoringEnabled(device.hubResourceId())) {
            return;
        }
        lane(device).forDevice(device, clock.instant(), context -> context.useRules(settings.rules(device)), (detector, context) -> {
            for (SecurityEvent event : message.events()) {
                if (event.eventType().equals("Security")) {
                    detector.onSecurityEvent(context, event);
                }
            }
        });
        processedEvents.addAndGet(message.events().stream().filter(event -> event.eventType().equals("Security")).count());
    }

    @Override
    public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
        submit(device, () -> {
            if (!settings.monitoringEnabled(device.hubResourceId())) {
                return;
            }
            lane(device).forDevice(device, clock.instant(), context -> {
                context.useRules(settings.rules(device));
                context.messageReceived(receivedAt);
            }, (detector, context) -> detector.onMessage(context, MessageKind.DEVICE_TO_CLOUD, protocol, receivedAt));
        });
    }

    @Override
    public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
        message(device, rejected ? MessageKind.CLOUD_TO_DEVICE_REJECTED : MessageKind.CLOUD_TO_DEVICE, protocol, at);
    }

    @Override
    public void refused(DeviceRefusal refusal) {
        if (refusal.hubResourceId().isEmpty() || !(refusal.reason() instanceof AuthenticationFailure reason)) {
            // a hub that does not exist has no alert to raise; a refused message raises none either
            return;
        }
        String hubResourceId = refusal.hubResourceId().get();
        DeviceIdentity device = hubDevice(hubResourceId, refusal.deviceId());
        String source = refusal.sourceAddress();
        Instant at = refusal.at();
        submit(device, () -> {
            if (!settings.monitoringEnabled(hubResourceId)) {
                return;
            }
            lane(device).forDevice(device, clock.instant(), context -> { },
                    (detector, context) -> detector.onAuthenticationFailure(context, reason, source, at));
        });
    }

    @Override
    public void agentConfigurationRejected(DeviceIdentity device, String problem, Instant at) {
        submit(device, () -> {
            if (!settings.monitoringEnabled(device.hubResourceId())) {
                return;
            }
            lane(device).forDevice(device, clock.instant(), context -> { },
                    (detector, context) -> detector.onAgentConfigurationRejected(context, problem, at));
        });
    }

    /**
     * Completes when everything submitted before this call has been processed (and its alerts
     * are durable).
     */
    public CompletableFuture<Void> flush() {
        return onEveryLane(lane -> { }).thenCompose(ignored -> alerts.flush());
    }

    /**
     * Lets every device's detectors look at the clock now (silence, windows to close), then
     * forgets idle devices. The engine does this itself every {@code clockInterval}.
     */
    public CompletableFuture<Void> checkClock() {
        Instant now = clock.instant();
        List<CompletableFuture<DetectionLane.ClockResult>> results = lanes.stream()
                .map(lane -> CompletableFuture.supplyAsync(() -> lane.clock(now), lane.executor())).toList();
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenRun(() -> {
            DetectionHistory saveTo = history;
            if (saveTo != null) {
                saveTo.saveLastMessages(results.stream().flatMap(result -> result.join().unsaved().stream()).toList());
                saveTo.forgetLastMessages(results.stream().flatMap(result -> result.join().forgotten().stream()).toList());
            }
        });
    }

    /** Security events of monitored hubs that the detectors have inspected. */
    public long processedEvents() {
        return processedEvents.get();
    }

    /** Activity dropped because a lane's queue was full. */
    public long droppedActivities() {
        return dropped.get();
    }

    /** Devices with streaming state. */
    public CompletableFuture<Integer> trackedDevices() {
        List<CompletableFuture<Integer>> counts = lanes.stream()
                .map(lane -> CompletableFuture.supplyAsync(lane::deviceCount, lane.executor())).toList();
        return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> counts.stream().mapToInt(CompletableFuture::join).sum());
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        DetectionHistory saveTo = history;
        if (saveTo != null) {
            try {
                List<CompletableFuture<List<LastMessage>>> unsaved = lanes.stream()
                        .map(lane -> CompletableFuture.supplyAsync(lane::takeUnsavedLastMessages, lane.executor())).toList();
                saveTo.saveLastMessages(unsaved.stream().flatMap(result -> result.join().stream()).toList());
            } catch (RuntimeException e) {
                LOG.warn("could not save the devices' last message times on shutdown", e);
            }
        }
        for (DetectionLane lane : lanes) {
            lane.executor().shutdown();
        }
        for (DetectionLane lane : lanes) {
            try {
                if (!lane.executor().awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("a detection lane did not finish its queue within 10 s");
                    lane.executor().shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lane.executor().shutdownNow();
            }
        }
    }

    private void message(DeviceIdentity device, MessageKind kind, Protocol protocol, Instant at) {
        submit(device, () -> {
            if (!settings.monitoringEnabled(device.hubResourceId())) {
                return;
            }
            lane(device).forDevice(device, clock.instant(), context -> context.useRules(settings.rules(device)),
                    (detector, context) -> detector.onMessage(context, kind, protocol, at));
        });
    }

    /** Submits, waiting for room in the lane's queue rather than dropping: for restoring, which no device waits on. */
    private void waitingSubmit(DeviceIdentity device, Runnable work) {
        DetectionLane lane = lane(device);
        while (true) {
            try {
                lane.executor().execute(work);
                return;
            } catch (RejectedExecutionException e) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while restoring detection state", interrupted);
                }
            }
        }
    }

    private void submit(DeviceIdentity device, Runnable work) {
        try {
            lane(device).executor().execute(work);
        } catch (RejectedExecutionException e) {
            long count = dropped.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.warn("detection is behind: {} activities dropped so far (device {} of {})", count, device.deviceId(),
                        device.hubResourceId());
            }
        }
    }

    private CompletableFuture<Void> onEveryLane(Consumer<DetectionLane> work) {
        return CompletableFuture.allOf(lanes.stream()
                .map(lane -> CompletableFuture.runAsync(() -> work.accept(lane), lane.executor()))
                .toArray(CompletableFuture[]::new));
    }

    private DetectionLane lane(DeviceIdentity device) {
        int hash = (device.hubResourceId().toLowerCase(Locale.ROOT) + "|" + device.deviceId()).hashCode();
        return lanes.get(Math.floorMod(hash, lanes.size()));
    }

    /** The identity of a device named only by hub and id, as authentication failures name it. */
    private static DeviceIdentity hubDevice(String hubResourceId, String deviceId) {
        String[] segments = hubResourceId.split("/");
        String subscription = "";
        String resourceGroup = "";
        for (int index = 0; index + 1 < segments.length; index++) {
            if (segments[index].equalsIgnoreCase("subscriptions")) {
                subscription = segments[index + 1];
            } else if (segments[index].equalsIgnoreCase("resourceGroups")) {
                resourceGroup = segments[index + 1];
            }
        }
        String hubName = segments.length == 0 ? "" : segments[segments.length - 1];
        return new DeviceIdentity(subscription, resourceGroup, hubName, hubResourceId, deviceId, "default");
    }
}
