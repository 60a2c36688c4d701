package dev.vigil.iot.method;

import dev.vigil.iot.device.IotHubError;

/** A method payload over IoT Hub's 128 KB. */
public final class DirectMethodPayloadTooLargeException extends DirectMethodException {
    public DirectMethodPayloadTooLargeException(int size) {
        super(IotHubError.REQUEST_ENTITY_TOO_LARGE, "the method payload is " + size + " bytes; IoT Hub takes at most "
                + DirectMethodRequest.MAX_PAYLOAD_BYTES + " bytes");
    }
}
