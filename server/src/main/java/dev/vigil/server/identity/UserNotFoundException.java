package dev.vigil.server.identity;

/** No user has this name. */
public final class UserNotFoundException extends IdentityException {
    public UserNotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "UserNotFound";
    }
}
