package dev.vigil.server.identity;

/** A password login with an unknown user or a wrong password; the message does not say which. */
public final class LoginFailedException extends IdentityException {
    public LoginFailedException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String code() {
        return "LoginFailed";
    }
}
