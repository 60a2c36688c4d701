package dev.vigil.server.console.iot;

import dev.vigil.iot.registry.Device;
import dev.vigil.iot.registry.IotHub;

/**
 * A device's keys and connection strings, shown once: in the answer to creating the device or
 * regenerating a key, never on a page loaded later (reading keys again needs Owner, through the API's
 * {@code listKeys}).
 */
public record NewDeviceKeys(String deviceId, String primaryKey, String secondaryKey, String primaryConnectionString, String secondaryConnectionString) {

    static NewDeviceKeys of(IotHub hub, Device device, String domain) {
        String prefix = "HostName=" + hub.hostName(domain) + ";DeviceId=" + device.deviceId() + ";SharedAccessKey=";
        return new NewDeviceKeys(device.deviceId(), device.primaryKey(), device.secondaryKey(), prefix + device.primaryKey(),
                prefix + device.secondaryKey());
    }
}
