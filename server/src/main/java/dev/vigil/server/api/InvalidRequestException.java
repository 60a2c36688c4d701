package dev.vigil.server.api;

/** A well-formed body whose content is not what the endpoint takes, e.g. a missing field. */
public final class InvalidRequestException extends ApiException {
    public InvalidRequestException(String message) {
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
