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
import java.time.Instant;
import java.util.ArrayList;
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

    public DetectionEngine(DetectionSettings settings, AlertSink alerts, Clock clock, DetectionOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
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
        submit(device, () -> {
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
        });
    }

    @Override
    public void deviceToCloudMessage(DeviceIdentity device, Protocol protocol, Instant receivedAt) {
        message(device, MessageKind.DEVICE_TO_CLOUD, protocol, receivedAt);
    }

    @Override
    public void cloudToDeviceMessage(DeviceIdentity device, Protocol protocol, boolean rejected, Instant at) {
        message(device, rejected ? MessageKind.CLOUD_TO_DEVICE_REJECTED : MessageKind.CLOUD_TO_DEVICE, protocol, at);
    }

    @Override
    public void authenticationFailure(DeviceRefusal refusal) {
        if (refusal.hubResourceId().isEmpty()) {
            // a hub that does not exist: no hub to monitor, no alert to raise
            return;
        }
        String hubResourceId = refusal.hubResourceId().get();
        DeviceIdentity device = hubDevice(hubResourceId, refusal.deviceId());
        String source = refusal.sourceAddress();
        AuthenticationFailure reason = refusal.reason();
        Instant at = refusal.at();
        submit(device, () -> {
            if (!settings.monitoringEnabled(hubResourceId)) {
                return;
            }
            lane(device).forDevice(device, clock.instant(), context -> { },
                    (detector, context) -> detector.onAuthenticationFailure(context, reason, source, at));
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
        return onEveryLane(lane -> lane.clock(now));
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
