package dev.vigil.iot.device;

/**
 * The IoT Hub errors the twin, direct method and cloud-to-device APIs answer with, and those a
 * refused device is reported with: the HTTP status (also the status on the MQTT twin response
 * topic), IoT Hub's error name and its numeric error code.
 */
public enum IotHubError {
    ARGUMENT_INVALID(400, "ArgumentInvalid", 400004),
    /** A device or module refused by authentication: a token, key or certificate that does not check out, or an unknown identity. */
    IOT_HUB_UNAUTHORIZED_ACCESS(401, "IotHubUnauthorizedAccess", 401002),
    DEVICE_DISABLED(403, "DeviceDisabled", 403012),
    /** A device's message over IoT Hub's size limit. */
    MESSAGE_TOO_LARGE(413, "MessageTooLarge", 413001),
    /** What IoT Hub does not do for a device (a QoS 2 PUBLISH, a topic it may not publish to): it closes the connection. */
    INVALID_OPERATION(400, "InvalidOperation", 400003),
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
