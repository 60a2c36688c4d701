package dev.vigil.server.identity;

/** A user with this name exists already. */
public final class UserExistsException extends IdentityException {
    public UserExistsException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String code() {
        return "UserExists";
    }
}
