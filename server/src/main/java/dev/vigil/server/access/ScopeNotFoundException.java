package dev.vigil.server.access;

/** A subscription the caller has no role on: to them it does not exist. */
public final class ScopeNotFoundException extends AccessException {
    public ScopeNotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "SubscriptionNotFound";
    }
}
