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

    /** Whole seconds, rounded up, at least one: the value of {@code Retry-After}. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public String code() {
        return "TooManyRequests";
    }
}
