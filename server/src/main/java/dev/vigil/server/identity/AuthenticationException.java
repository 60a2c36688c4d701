package dev.vigil.server.identity;

/** A request that does not prove who sends it. */
public final class AuthenticationException extends RuntimeException {

    public enum Reason {
        /** No {@code Authorization} header. */
        MISSING,
        /** A header that is not {@code Bearer <key>}. */
        MALFORMED,
        /** A bearer key that no stored key matches, or one revoked or expired. */
        INVALID,
        /** A session cookie of no live session: unknown, expired or logged out. */
        SESSION
    }

    private final Reason reason;

    public AuthenticationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return "AuthenticationFailed";
    }
}
