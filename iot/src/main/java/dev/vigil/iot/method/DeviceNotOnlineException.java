package dev.vigil.iot.method;

import dev.vigil.iot.device.DeviceAddress;

/** The device (or module) is not connected, or has not subscribed to direct methods, within the connect timeout. */
public final class DeviceNotOnlineException extends DirectMethodException {
    public DeviceNotOnlineException(DeviceAddress target) {
        super("the device " + target + " is not online: it is not connected or has not subscribed to '$iothub/methods/POST/#'");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "DeviceNotOnline";
    }

    @Override
    public int iotHubErrorCode() {
        return 404103;
    }
}
