package dev.vigil.iot.twin;

import dev.vigil.iot.device.IotHubError;

/** A patch that is not a JSON object, nests too deep, or holds a key or value IoT Hub refuses; the message names where. */
public final class InvalidTwinPatchException extends TwinException {
    public InvalidTwinPatchException(String message) {
        super(IotHubError.ARGUMENT_INVALID, message);
    }
}
