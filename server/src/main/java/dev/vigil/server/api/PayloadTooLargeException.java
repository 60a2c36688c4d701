package dev.vigil.server.api;

import java.util.Map;

/** The request body is over the configured limit. */
public final class PayloadTooLargeException extends ApiException {
    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than the limit of " + limitBytes + " bytes; send the rows in smaller batches.");
        this.limitBytes = limitBytes;
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String code() {
        return "PayloadTooLarge";
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("limitBytes", limitBytes);
    }
}
