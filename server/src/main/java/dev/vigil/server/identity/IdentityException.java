package dev.vigil.server.identity;

import java.util.Map;

/** A request about users, keys or sessions that cannot be carried out, with its HTTP status and a stable code. */
public abstract sealed class IdentityException extends RuntimeException
        permits UserNotFoundException, UserExistsException, InvalidIdentityArgumentException, ApiKeyNotFoundException,
                LoginFailedException, LoginThrottledException, CsrfTokenRejectedException {

    protected IdentityException(String message) {
        super(message);
    }

    public abstract int status();

    public abstract String code();

    /** Details for the error body's {@code innererror}; empty when there are none. */
    public Map<String, Object> innerError() {
        return Map.of();
    }
}
