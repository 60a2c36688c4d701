package dev.vigil.iot.method;

/**
 * A direct method call that got no answer from the device, or that IoT Hub would refuse.
 * {@link #status()} is IoT Hub's HTTP status, {@link #code()} its error name and
 * {@link #iotHubErrorCode()} its numeric error code.
 */
public abstract sealed class DirectMethodException extends RuntimeException
        permits InvalidDirectMethodException, DirectMethodPayloadTooLargeException, DeviceNotOnlineException, DirectMethodTimeoutException {

    protected DirectMethodException(String message) {
        super(message);
    }

    public abstract int status();

    public abstract String code();

    public abstract int iotHubErrorCode();
}
