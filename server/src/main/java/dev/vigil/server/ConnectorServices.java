package dev.vigil.server;

import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.soc.connector.DataConnectors;
import dev.vigil.soc.connector.iot.DefenderForIotConnector;
import dev.vigil.soc.connector.logs.CustomLogsConnector;
import dev.vigil.workspace.api.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Data connectors as the server runs them: the gallery, the Defender for IoT connector over the
 * registry and the alert feed, and the streamer that writes the alerts of connected
 * subscriptions into {@code SecurityAlert}, with its progress on {@code /metrics}.
 */
final class ConnectorServices implements AutoCloseable {
    private final DataConnectors gallery;
    private final DefenderForIotConnector iot;

    private ConnectorServices(DataConnectors gallery, DefenderForIotConnector iot) {
        this.gallery = gallery;
        this.iot = iot;
    }

    static ConnectorServices start(Storage storage, IotRegistry registry, IotAlerts alerts, MeterRegistry meters, Clock clock) {
        DefenderForIotConnector iot = new DefenderForIotConnector(registry, storage.logStore(), storage.stateStore(), alerts.feed(), clock);
        DataConnectors gallery = new DataConnectors(storage.logStore(), List.of(iot, new CustomLogsConnector(storage.logStore())));
        return new ConnectorServices(gallery, iot);
    }

    DataConnectors gallery() {
        return gallery;
    }

    DefenderForIotConnector iot() {
        return iot;
    }

    @Override
    public void close() {
    }
}
