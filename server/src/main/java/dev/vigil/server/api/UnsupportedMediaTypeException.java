package dev.vigil.server.api;

import java.util.List;
import java.util.Map;

/** A body in a format the endpoint does not read. */
public final class UnsupportedMediaTypeException extends ApiException {
    private final List<String> supported;

    public UnsupportedMediaTypeException(String contentType, List<String> supported) {
        super("Content-Type '" + contentType + "' is not supported here; use one of " + String.join(", ", supported) + ".");
        this.supported = List.copyOf(supported);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String code() {
        return "UnsupportedMediaType";
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("supportedContentTypes", supported);
    }
}
