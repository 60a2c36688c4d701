package dev.vigil.server.api;

import java.util.List;
import java.util.Map;

/** A body compressed in a way the endpoint does not decode. */
public final class UnsupportedContentEncodingException extends ApiException {
    private final List<String> supported;

    public UnsupportedContentEncodingException(String contentEncoding, List<String> supported) {
        super("Content-Encoding '" + contentEncoding + "' is not supported here; send the body as is or in one of "
                + String.join(", ", supported) + ".");
        this.supported = List.copyOf(supported);
    }

    @Override
    public int status() {
        return 415;
    }

    @Override
    public String code() {
        return "UnsupportedContentEncoding";
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("supportedContentEncodings", supported);
    }
}
