package dev.vigil.iot.device;

/**
 * The IoT Hub errors the twin, direct method and cloud-to-device APIs answer with: the HTTP status (also the status
 * on the MQTT twin response topic), IoT Hub's error name and its numeric error code.
 */
public enum IotHubError {
    ARGUMENT_INVALID(400, "ArgumentInvalid", 400004),
    DEVICE_NOT_ONLINE(404, "DeviceNotOnline", 404103),
    DEVICE_MESSAGE_LOCK_LOST(412, "DeviceMessageLockLost", 412002),
    PRECONDITION_FAILED(412, "PreconditionFailed", 412001),
    REQUEST_ENTITY_TOO_LARGE(413, "RequestEntityTooLarge", 413001),
    GATEWAY_TIMEOUT(504, "GatewayTimeout", 504101);

    private final int status;
    private final String code;
    private final int errorCode;

    IotHubError(int status, String code, int errorCode) {
        this.status = status;
        this.code = code;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public int errorCode() {
        return errorCode;
    }
}
