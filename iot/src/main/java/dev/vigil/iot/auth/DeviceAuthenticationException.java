package dev.vigil.iot.auth;

import dev.vigil.iot.device.AuthenticationFailure;

/** A device refused: {@link #reason()} says why, the message says what was wrong without echoing secrets. */
public final class DeviceAuthenticationException extends RuntimeException {
    private final AuthenticationFailure reason;

    public DeviceAuthenticationException(AuthenticationFailure reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AuthenticationFailure reason() {
        return reason;
    }

    /** {@code IotHubUnauthorizedAccess}, or {@code DeviceDisabled} for a disabled device or module. */
    public String code() {
        return reason.iotHubError().code();
    }

    /** 401, or 403 for a disabled device or module. */
    public int status() {
        return reason.iotHubError().status();
    }

    /** IoT Hub's numeric error code: 401002, or 403012 for a disabled device or module. */
    public int iotHubErrorCode() {
        return reason.iotHubError().errorCode();
    }
}
