package dev.vigil.iot.detection;

import dev.vigil.iot.alert.AlertSink;
import dev.vigil.iot.device.DeviceIdentity;
import java.time.Duration;
import java.time.Instant;
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

    ThreadPoolExecutor executor() {
        return executor;
    }

    /** Runs {@code work} for every detector on the device's context; a failing detector does not stop the others. */
    void forDevice(DeviceIdentity identity, Instant at, Consumer<DeviceContext> prepare, DetectorCall call) {
        String key = identity.hubResourceId().toLowerCase(Locale.ROOT) + "|" + identity.deviceId();
        DeviceContext device = devices.computeIfAbsent(key, ignored -> new DeviceContext(identity, sink));
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

    /** The clock moved on: every device's detectors look at it, then idle devices are forgotten. */
    void clock(Instant now) {
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
            }
        }
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
