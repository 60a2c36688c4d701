package dev.vigil.iot.method;

/** A method name or timeout IoT Hub refuses; the message names the field and the rule. */
public final class InvalidDirectMethodException extends DirectMethodException {
    public InvalidDirectMethodException(String message) {
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
