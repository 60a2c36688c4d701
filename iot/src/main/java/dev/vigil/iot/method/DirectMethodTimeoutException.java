package dev.vigil.iot.method;

import dev.vigil.iot.device.DeviceAddress;
import java.time.Duration;

/** The device took the request but did not answer within the response timeout. */
public final class DirectMethodTimeoutException extends DirectMethodException {
    public DirectMethodTimeoutException(DeviceAddress target, String methodName, Duration timeout) {
        super("the device " + target + " did not answer the method '" + methodName + "' within " + timeout.toSeconds() + " seconds");
    }

    @Override
    public int status() {
        return 504;
    }

    @Override
    public String code() {
        return "GatewayTimeout";
    }

    @Override
    public int iotHubErrorCode() {
        return 504101;
    }
}
