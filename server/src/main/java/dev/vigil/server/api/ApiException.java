package dev.vigil.server.api;

import java.util.Map;

/** A request the HTTP layer itself refuses, before any domain code sees it. */
public abstract sealed class ApiException extends RuntimeException
        permits InvalidRequestException, PayloadTooLargeException, UnsupportedMediaTypeException, InvalidContentEncodingException {

    protected ApiException(String message) {
        super(message);
    }

    public abstract int status();

    public abstract String code();

    /** Details for the error body's {@code innererror}; empty when there are none. */
    public Map<String, Object> innerError() {
        return Map.of();
    }
}
