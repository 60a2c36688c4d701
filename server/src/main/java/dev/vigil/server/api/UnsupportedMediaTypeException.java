package dev.vigil.server.api;

import java.util.List;
import java.util.Map;

/** A body in a format the endpoint does not read: its Content-Type, or its Content-Encoding. */
public final class UnsupportedMediaTypeException extends ApiException {
    private final String code;
    private final String supportedKey;
    private final List<String> supported;

    public UnsupportedMediaTypeException(String contentType, List<String> supported) {
        this("Content-Type '" + contentType + "' is not supported here; use one of " + String.join(", ", supported) + ".",
                "UnsupportedMediaType", "supportedContentTypes", supported);
    }

    private UnsupportedMediaTypeException(String message, String code, String supportedKey, List<String> supported) {
        super(message);
        this.code = code;
        this.supportedKey = supportedKey;
        this.supported = List.copyOf(supported);
    }

    /** A body compressed in a way the endpoint does not decode. */
    public static UnsupportedMediaTypeException contentEncoding(String contentEncoding, List<String> supported) {
        return new UnsupportedMediaTypeException("Content-Encoding '" + contentEncoding + "' is not supported here; send the body as is"
                + " or in one of " + String.join(", ", supported) + ".", "UnsupportedContentEncoding", "supportedContentEncodings", supported);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of(supportedKey, supported);
    }
}
