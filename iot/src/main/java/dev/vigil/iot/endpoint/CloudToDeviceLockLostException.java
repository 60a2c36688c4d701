package dev.vigil.iot.endpoint;

import dev.vigil.iot.device.IotHubError;

/**
 * A complete, reject or abandon over HTTPS whose lock token is not the current lock of a waiting
 * message: unknown, already settled, or past its lock timeout (the message may have been
 * received again since). IoT Hub answers 412 {@code DeviceMessageLockLost}.
 */
public final class CloudToDeviceLockLostException extends RuntimeException {
    private static final IotHubError ERROR = IotHubError.DEVICE_MESSAGE_LOCK_LOST;

    public CloudToDeviceLockLostException(String deviceId, String lockToken) {
        super("no cloud-to-device message of device '" + deviceId + "' is locked with '" + lockToken
                + "': it was completed, rejected or abandoned already, or its lock timed out (" + CloudToDeviceQueue.LOCK_TIMEOUT.toSeconds()
                + " s) and it may have been received again");
    }

    public int status() {
        return ERROR.status();
    }

    public String code() {
        return ERROR.code();
    }

    public int iotHubErrorCode() {
        return ERROR.errorCode();
    }
}
