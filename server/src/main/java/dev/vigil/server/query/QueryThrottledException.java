package dev.vigil.server.query;

import java.time.Duration;

/** Too many queries are running, in all or for this caller; try again after {@link #retryAfter()}. */
public final class QueryThrottledException extends RuntimeException {
    private final Duration retryAfter;

    QueryThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public String code() {
        return "TooManyRequests";
    }
}
