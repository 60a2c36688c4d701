package dev.vigil.soc.playbook.action;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.registry.IotRegistry;
import java.util.Objects;

/** What device steps use of the iot module: its device actions, the registry to find hubs, and the IoT alerts. */
public record DeviceServices(DeviceActions actions, IotRegistry registry, IotAlerts alerts) {
    public DeviceServices {
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(alerts, "alerts");
    }
}
