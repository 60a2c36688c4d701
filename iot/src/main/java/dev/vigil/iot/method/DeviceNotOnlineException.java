package dev.vigil.iot.method;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.device.IotHubError;

/** The device (or module) is not connected, or has not subscribed to direct methods, within the connect timeout. */
public final class DeviceNotOnlineException extends DirectMethodException {
    public DeviceNotOnlineException(DeviceAddress target) {
        super(IotHubError.DEVICE_NOT_ONLINE, "the device " + target
                + " is not online: it is not connected or has not subscribed to '$iothub/methods/POST/#'");
    }
}
