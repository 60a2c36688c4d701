package dev.vigil.server;

import dev.vigil.iot.alert.AlertVersion;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.soc.connector.DataConnectors;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.connector.iot.SecurityAlertStreamer;
import dev.vigil.soc.connector.logs.CustomLogsConnector;
import dev.vigil.workspace.api.Storage;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Data connectors as the server runs them: the gallery, the Defender for IoT connector over the
 * registry and the alert feed, and the streamer that writes the alerts of connected
 * subscriptions into {@code SecurityAlert}, with its progress on {@code /metrics}.
 */
final class ConnectorServices implements AutoCloseable {
    private final DataConnectors gallery;
    private final DefenderForIotConnector iot;
    private final SecurityAlertStreamer streamer;

    private ConnectorServices(DataConnectors gallery, DefenderForIotConnector iot, SecurityAlertStreamer streamer) {
        this.gallery = gallery;
        this.iot = iot;
        this.streamer = streamer;
    }

    static ConnectorServices start(Storage storage, IotRegistry registry, IotAlerts alerts, MeterRegistry meters, Clock clock) {
        DefenderForIotConnector iot = new DefenderForIotConnector(registry, storage.logStore(), storage.stateStore(), alerts.feed(), clock);
        DataConnectors gallery = new DataConnectors(storage.logStore(), List.of(iot, new CustomLogsConnector(storage.logStore())));
        Timer latency = Timer.builder("vigil.connector.iot.latency")
                .description("From a version of an IoT alert being made to its SecurityAlert row being committed")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        SecurityAlertStreamer streamer = SecurityAlertStreamer.start(iot, storage.logStore(), clock, (workspace, written, committedAt) -> {
            for (AlertVersion version : written) {
                latency.record(Duration.between(version.changedAt(), committedAt));
            }
        });
        FunctionCounter.builder("vigil.connector.iot.rows", streamer, SecurityAlertStreamer::rowsWritten)
                .description("SecurityAlert rows written by the Defender for IoT connector").register(meters);
        Gauge.builder("vigil.connector.iot.lag", streamer, SecurityAlertStreamer::lag).baseUnit("versions")
                .description("Alert feed versions not yet handled by the furthest-behind connected workspace").register(meters);
        return new ConnectorServices(gallery, iot, streamer);
    }

    DataConnectors gallery() {
        return gallery;
    }

    DefenderForIotConnector iot() {
        return iot;
    }

    /** Stops the streamer; what it has not written yet it writes after the next start. */
    @Override
    public void close() {
        streamer.close();
    }
}
