package dev.vigil.server.identity;

/** The user has no API key with this id. */
public final class ApiKeyNotFoundException extends IdentityException {
    public ApiKeyNotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "ApiKeyNotFound";
    }
}
