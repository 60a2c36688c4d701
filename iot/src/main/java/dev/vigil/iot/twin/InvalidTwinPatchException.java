package dev.vigil.iot.twin;

/** A patch that is not a JSON object, nests too deep, or holds a key or value IoT Hub refuses; the message names where. */
public final class InvalidTwinPatchException extends TwinException {
    public InvalidTwinPatchException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "ArgumentInvalid";
    }

    @Override
    public int iotHubErrorCode() {
        return 400004;
    }
}
