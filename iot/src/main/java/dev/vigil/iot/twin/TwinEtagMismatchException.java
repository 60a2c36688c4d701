package dev.vigil.iot.twin;

/** {@code If-Match} named another version of the twin than the current one. */
public final class TwinEtagMismatchException extends TwinException {
    public TwinEtagMismatchException(String given, String current) {
        super("the twin's etag is " + current + ", not " + given + ": read the twin again and apply the change to it");
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String code() {
        return "PreconditionFailed";
    }

    @Override
    public int iotHubErrorCode() {
        return 412001;
    }
}
