package dev.vigil.server.api.iot;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.endpoint.IntakeCounters;
import dev.vigil.iot.endpoint.mqtt.MqttEndpoint;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.Module;
import java.util.Optional;

/** A device as the API shows it: registry state, whether it is connected over MQTT, its message counts. Never its keys. */
public final class DeviceViews {
    private final IntakeCounters counters;
    private final Optional<MqttEndpoint> mqtt;

    public DeviceViews(IntakeCounters counters, Optional<MqttEndpoint> mqtt) {
        this.counters = counters;
        this.mqtt = mqtt;
    }

    IotJson.ModuleView view(Module module) {
        return IotJson.module(module, isConnected(DeviceAddress.module(module.hubName(), module.deviceId(), module.moduleId())));
    }

    boolean isConnected(DeviceAddress address) {
        return mqtt.map(m -> m.isConnected(address)).orElse(false);
    }

    IotJson.DeviceView view(IotHub hub, Device device) {
        boolean connected = mqtt.map(m -> m.isConnected(hub.name(), device.deviceId())).orElse(false);
        return IotJson.device(device, connected, counters.of(hub.name(), device.deviceId()));
    }
}
