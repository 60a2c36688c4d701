package dev.vigil.soc.playbook.action;

import dev.vigil.iot.action.DeviceActions;
import dev.vigil.iot.alert.IotAlerts;
import dev.vigil.iot.method.DirectMethods;
import dev.vigil.iot.registry.IotRegistry;
import java.util.Objects;

/**
 * What device steps use of the iot module: its device actions, the registry to find hubs, the IoT
 * alerts, and direct methods (which reach only devices connected to the server's MQTT endpoint).
 */
public record DeviceServices(DeviceActions actions, IotRegistry registry, IotAlerts alerts, DirectMethods methods) {
    public DeviceServices {
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(methods, "methods");
    }

    /** Without an MQTT endpoint: every direct method finds its device offline. */
    public DeviceServices(DeviceActions actions, IotRegistry registry, IotAlerts alerts) {
        this(actions, registry, alerts, new DirectMethods());
    }
}
