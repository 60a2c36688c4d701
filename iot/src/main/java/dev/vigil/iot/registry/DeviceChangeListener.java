package dev.vigil.iot.registry;

import java.util.Optional;

/** Told after a device was written or deleted, e.g. so that an endpoint closes a disabled device's session. */
@FunctionalInterface
public interface DeviceChangeListener {
    /** @param after empty when the device was deleted */
    void deviceChanged(Device before, Optional<Device> after);
}
