package dev.vigil.iot.alert;

/** A refused request about IoT alerts; {@link #code()} is what the HTTP API returns as the error code. */
public abstract sealed class IotAlertException extends RuntimeException
        permits AlertNotFoundException, InvalidAlertStatusTransitionException {

    private final String code;

    IotAlertException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
