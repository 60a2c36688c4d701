package dev.vigil.iot.twin;

import dev.vigil.iot.device.IotHubError;

/**
 * A twin read or update that cannot be carried out, with the {@link IotHubError} IoT Hub answers
 * it with (its status is also the status on the MQTT twin response topic).
 */
public abstract sealed class TwinException extends RuntimeException
        permits InvalidTwinPatchException, TwinTooLargeException, TwinEtagMismatchException, InvalidTwinQueryException {

    private final IotHubError error;

    protected TwinException(IotHubError error, String message) {
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
