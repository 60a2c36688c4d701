package dev.vigil.iot.auth;

import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;

/** A device whose token checked out, with its hub as they were at that moment. */
public record AuthenticatedDevice(IotHub hub, Device device, DeviceIdentity identity) {
}
