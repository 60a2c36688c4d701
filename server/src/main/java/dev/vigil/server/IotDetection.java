package dev.vigil.server;

import dev.vigil.iot.alert.AlertWriter;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.endpoint.StoredDetectionHistory;
import dev.vigil.iot.detection.DetectionEngine;
import dev.vigil.iot.detection.DetectionOptions;
import dev.vigil.iot.device.BroadcastActivityListener;
import dev.vigil.iot.device.DeviceActivityListener;
import dev.vigil.iot.endpoint.LoggingActivityListener;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.RegistryDetectionSettings;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Detection as the server runs it: the alerts kept in the state store, the engine reading the
 * registry's settings and raising into them, and its counters on {@code /metrics}. The device
 * endpoints report to {@link #listener()}.
 */
final class IotDetection implements AutoCloseable {
    /** Repeats of an alert type on a device within this time of its first occurrence update one alert. */
    static final Duration DEDUP_WINDOW = Duration.ofHours(1);

    private final IotAlerts alerts;
    private final AlertWriter writer;
    private final DetectionEngine engine;
    private final DeviceActivityListener listener;

    private IotDetection(IotAlerts alerts, AlertWriter writer, DetectionEngine engine) {
        this.alerts = alerts;
        this.writer = writer;
        this.engine = engine;
        this.listener = new BroadcastActivityListener(List.of(engine, new LoggingActivityListener()));
    }

    /** Opens the alerts, starts the engine and rebuilds its streaming state from before the last stop; returns before any device connects. */
    static IotDetection start(IotRegistry registry, LogStore logs, StateStore state, MeterRegistry meters, Clock clock) {
        IotAlerts alerts = IotAlerts.open(state, clock, DEDUP_WINDOW);
        AlertWriter writer = new AlertWriter(alerts);
        DetectionEngine engine = new DetectionEngine(new RegistryDetectionSettings(registry), writer, clock, DetectionOptions.defaults());
        engine.restore(new StoredDetectionHistory(logs, state, registry));
        FunctionCounter.builder("vigil.iot.detection.events", engine, DetectionEngine::processedEvents)
                .description("Security events of monitored hubs inspected by the detectors").register(meters);
        FunctionCounter.builder("vigil.iot.detection.dropped", engine, DetectionEngine::droppedActivities)
                .description("Device activity dropped because detection was behind (a lane queue was full)").register(meters);
        FunctionCounter.builder("vigil.iot.alerts.raised", alerts, IotAlerts::createdCount)
                .description("IoT alerts created").register(meters);
        FunctionCounter.builder("vigil.iot.alerts.repeated", alerts, IotAlerts::repeatedCount)
                .description("Occurrences merged into an open IoT alert").register(meters);
        return new IotDetection(alerts, writer, engine);
    }

    /** What the device endpoints report to: the engine, and a log of refused devices. */
    DeviceActivityListener listener() {
        return listener;
    }

    IotAlerts alerts() {
        return alerts;
    }

    DetectionEngine engine() {
        return engine;
    }

    /** Finishes the queued detection work, so that its alerts are stored before the storage closes. */
    @Override
    public void close() {
        engine.close();
        writer.close();
    }
}
