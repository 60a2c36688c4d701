package dev.vigil.iot.twin;

import dev.vigil.iot.device.IotHubError;

/** {@code If-Match} named another version of the twin than the current one. */
public final class TwinEtagMismatchException extends TwinException {
    public TwinEtagMismatchException(String given, String current) {
        super(IotHubError.PRECONDITION_FAILED, "the twin's etag is " + current + ", not " + given
                + ": read the twin again and apply the change to it");
    }
}
