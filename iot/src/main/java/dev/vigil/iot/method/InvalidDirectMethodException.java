package dev.vigil.iot.method;

import dev.vigil.iot.device.IotHubError;

/** A method name or timeout IoT Hub refuses; the message names the field and the rule. */
public final class InvalidDirectMethodException extends DirectMethodException {
    public InvalidDirectMethodException(String message) {
        super(IotHubError.ARGUMENT_INVALID, message);
    }
}
