package dev.vigil.iot.method;

import dev.vigil.iot.device.DeviceAddress;

/** What direct methods need from the endpoint holding the devices' live connections. */
public interface MethodTransport {

    /**
     * Sends {@code $iothub/methods/POST/{methodName}/?$rid={requestId}} on the target's live
     * connection.
     *
     * @return false when the target is not connected or has not subscribed to direct methods
     */
    boolean sendMethodRequest(DeviceAddress target, String requestId, String methodName, byte[] payload);
}
