package dev.vigil.iot.auth;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;
import dev.vigil.iot.registry.Module;
import java.util.Optional;

/**
 * A device, or a module of a device, whose token checked out, with its hub as they were at that
 * moment. A module's messages count as its device's: {@link #identity()} is the device's.
 *
 * @param module the module identity that connected, empty for the device itself
 */
public record AuthenticatedDevice(IotHub hub, Device device, DeviceIdentity identity, Optional<Module> module) {

    public AuthenticatedDevice(IotHub hub, Device device, DeviceIdentity identity) {
        this(hub, device, identity, Optional.empty());
    }

    /** The MQTT client id of this identity: {@code {deviceId}} or {@code {deviceId}/{moduleId}}. */
    public String clientId() {
        return module.map(m -> device.deviceId() + "/" + m.moduleId()).orElse(device.deviceId());
    }

    /** The device or module that connected. */
    public DeviceAddress address() {
        return new DeviceAddress(hub.name(), device.deviceId(), moduleId());
    }

    public Optional<String> moduleId() {
        return module.map(Module::moduleId);
    }
}
