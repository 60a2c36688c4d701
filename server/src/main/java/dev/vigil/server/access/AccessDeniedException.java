package dev.vigil.server.access;

/** The caller has a role on the scope, but not one that allows this request; the message names the role needed. */
public final class AccessDeniedException extends AccessException {
    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String code() {
        return "AuthorizationFailed";
    }
}
