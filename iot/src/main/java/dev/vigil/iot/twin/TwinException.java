package dev.vigil.iot.twin;

/**
 * A twin read or update that cannot be carried out. {@link #status()} is the status IoT Hub
 * answers with (also on the MQTT twin topics), {@link #code()} its error name and
 * {@link #iotHubErrorCode()} its numeric error code.
 */
public abstract sealed class TwinException extends RuntimeException
        permits InvalidTwinPatchException, TwinTooLargeException, TwinEtagMismatchException {

    protected TwinException(String message) {
        super(message);
    }

    public abstract int status();

    public abstract String code();

    public abstract int iotHubErrorCode();
}
