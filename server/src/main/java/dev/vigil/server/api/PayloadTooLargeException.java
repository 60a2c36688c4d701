package dev.vigil.server.api;

import java.util.Map;

/** The request body is over the configured limit. */
public final class PayloadTooLargeException extends ApiException {
    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        this("The request body is larger than the limit of " + limitBytes + " bytes; send the rows in smaller batches.", limitBytes);
    }

    private PayloadTooLargeException(String message, long limitBytes) {
        super(message);
        this.limitBytes = limitBytes;
    }

    /** A compressed body that inflates past the limit, which holds for the body as sent and as decompressed. */
    public static PayloadTooLargeException decompressed(long limitBytes) {
        return new PayloadTooLargeException("The request body, decompressed, is larger than the limit of " + limitBytes
                + " bytes; send the rows in smaller batches.", limitBytes);
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
