package dev.vigil.iot.endpoint;

/**
 * A device already has as many cloud-to-device messages waiting as it may; IoT Hub answers the
 * same with 403 {@code DeviceMaximumQueueDepthExceeded}.
 */
public final class CloudToDeviceQueueFullException extends RuntimeException {
    public static final String CODE = "DeviceMaximumQueueDepthExceeded";

    public CloudToDeviceQueueFullException(String hubName, String deviceId, int limit) {
        super("device '" + deviceId + "' of hub '" + hubName + "' already has " + limit
                + " cloud-to-device messages waiting; it must receive some before more can be sent");
    }

    public String code() {
        return CODE;
    }
}
