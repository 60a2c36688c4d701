package dev.vigil.iot.method;

import dev.vigil.iot.device.IotHubError;

/**
 * A direct method call that got no answer from the device, or that IoT Hub would refuse, with the
 * {@link IotHubError} IoT Hub answers it with.
 */
public abstract sealed class DirectMethodException extends RuntimeException
        permits InvalidDirectMethodException, DirectMethodPayloadTooLargeException, DeviceNotOnlineException, DirectMethodTimeoutException {

    private final IotHubError error;

    protected DirectMethodException(IotHubError error, String message) {
        super(message);
        this.error = error;
    }

    public int status() {
        return error.status();
    }

    public String code() {
        return error.code();
    }

    public int iotHubErrorCode() {
        return error.errorCode();
    }
}
