package dev.vigil.server.identity;

/** A user name, password, key expiry or similar value that is not acceptable. */
public final class InvalidIdentityArgumentException extends IdentityException {
    public InvalidIdentityArgumentException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "BadArgumentError";
    }
}
