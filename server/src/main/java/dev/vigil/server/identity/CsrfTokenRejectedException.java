package dev.vigil.server.identity;

/** A state-changing request made with a session cookie but without the session's CSRF token. */
public final class CsrfTokenRejectedException extends IdentityException {
    public CsrfTokenRejectedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String code() {
        return "CsrfTokenInvalid";
    }
}
