package dev.vigil.iot.method;

import dev.vigil.iot.device.DeviceAddress;
import dev.vigil.iot.device.IotHubError;
import java.time.Duration;

/** The device took the request but did not answer within the response timeout. */
public final class DirectMethodTimeoutException extends DirectMethodException {
    public DirectMethodTimeoutException(DeviceAddress target, String methodName, Duration timeout) {
        super(IotHubError.GATEWAY_TIMEOUT, "the device " + target + " did not answer the method '" + methodName + "' within "
                + timeout.toSeconds() + " seconds");
    }
}
