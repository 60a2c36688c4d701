package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertSink;
import dev.vigil.iot.device.DeviceIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread and the devices hashed to it. Device state is touched only on this thread, so
 * detectors need no locks; a bounded queue keeps memory bounded when detection falls behind.
 */
final class DetectionLane {
    private static final Logger LOG = LoggerFactory.getLogger(DetectionLane.class);

    private final ThreadPoolExecutor executor;
    private final List<Detector> detectors;
    private final AlertSink sink;
    private final Duration idleEviction;
    private final Map<String, DeviceContext> devices = new HashMap<>();
    private Instant minimumsJudgedFrom = Instant.MIN;
    private long failures;

    DetectionLane(int index, int queueCapacity, List<Detector> detectors, AlertSink sink, Duration idleEviction) {
        this.detectors = detectors;
        this.sink = sink;
        this.idleEviction = idleEviction;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), runnable -> {
            Thread thread = new Thread(runnable, "vigil-detection-" + index);
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** What one look at the clock changed: last message times to save, devices forgotten. */
    record ClockResult(List<LastMessage> unsaved, List<DeviceIdentity> forgotten) {
    }

    ThreadPoolExecutor executor() {
        return executor;
    }

    /** Runs {@code work} for every detector on the device's context; a failing detector does not stop the others. */
    void forDevice(DeviceIdentity identity, Instant at, Consumer<DeviceContext> prepare, DetectorCall call) {
        DeviceContext device = context(identity);
        device.touch(at);
        prepare.accept(device);
        for (Detector detector : detectors) {
            try {
                call.run(detector, device);
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("detector {} failed on device {} of {}", detector.getClass().getSimpleName(), identity.deviceId(),
                        identity.hubResourceId(), e);
            }
        }
    }

    /** A restart: windows that began before {@code instant} are not judged for a minimum. */
    void judgeMinimumsFrom(Instant instant) {
        minimumsJudgedFrom = instant;
    }

    /** A device's last message time as saved before a restart. */
    void restoreLastMessage(LastMessage last, Instant now) {
        DeviceContext device = context(last.device());
        device.touch(now);
        device.restoreLastMessage(last.receivedAt());
    }

    private DeviceContext context(DeviceIdentity identity) {
        String key = identity.hubResourceId().toLowerCase(Locale.ROOT) + "|" + identity.deviceId();
        return devices.computeIfAbsent(key, ignored -> new DeviceContext(identity, sink, minimumsJudgedFrom));
    }

    /**
     * The clock moved on: every device's detectors look at it, then idle devices are forgotten.
     * Returns the last message times that changed since the previous look, and the forgotten devices.
     */
    ClockResult clock(Instant now) {
        List<LastMessage> unsaved = new ArrayList<>();
        List<DeviceIdentity> forgotten = new ArrayList<>();
        Iterator<DeviceContext> iterator = devices.values().iterator();
        while (iterator.hasNext()) {
            DeviceContext device = iterator.next();
            for (Detector detector : detectors) {
                try {
                    detector.onClock(device, now);
                } catch (RuntimeException e) {
                    failures++;
                    LOG.warn("detector {} failed on the clock for device {}", detector.getClass().getSimpleName(),
                            device.identity().deviceId(), e);
                }
            }
            if (device.lastActivity() != null && !device.lastActivity().plus(idleEviction).isAfter(now)) {
                iterator.remove();
                forgotten.add(device.identity());
            } else {
                device.takeUnsavedLastMessage().ifPresent(unsaved::add);
            }
        }
        return new ClockResult(unsaved, forgotten);
    }

    /** Last message times that changed since they were last saved. */
    List<LastMessage> takeUnsavedLastMessages() {
        List<LastMessage> unsaved = new ArrayList<>();
        devices.values().forEach(device -> device.takeUnsavedLastMessage().ifPresent(unsaved::add));
        return unsaved;
    }

    int deviceCount() {
        return devices.size();
    }

    long failures() {
        return failures;
    }

    @FunctionalInterface
    interface DetectorCall {
        void run(Detector detector, DeviceContext device);
    }
}
