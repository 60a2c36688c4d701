package dev.vigil.iot.method;

/** A method payload over IoT Hub's 128 KB. */
public final class DirectMethodPayloadTooLargeException extends DirectMethodException {
    public DirectMethodPayloadTooLargeException(int size) {
        super("the method payload is " + size + " bytes; IoT Hub takes at most " + DirectMethodRequest.MAX_PAYLOAD_BYTES + " bytes");
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String code() {
        return "RequestEntityTooLarge";
    }

    @Override
    public int iotHubErrorCode() {
        return 413001;
    }
}
