package dev.vigil.server.api;

import java.util.Map;

/** A body that does not decode as its Content-Encoding says: not gzip, or cut short. */
public final class InvalidContentEncodingException extends ApiException {
    private final String contentEncoding;

    public InvalidContentEncodingException(String contentEncoding, String reason) {
        super("The body is not valid " + contentEncoding + " data, as its Content-Encoding says: " + reason + ".");
        this.contentEncoding = contentEncoding;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "InvalidContentEncoding";
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("contentEncoding", contentEncoding);
    }
}
