package dev.vigil.server.access;

/** The change would leave nobody with Owner on the root scope, and so nobody able to administer Vigil. */
public final class LastRootOwnerException extends AccessException {
    public LastRootOwnerException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String code() {
        return "LastRootOwner";
    }
}
