package dev.vigil.server.identity;

import java.time.Duration;
import java.util.Map;

/** Too many failed logins for an account or from an address: try again after {@link #retryAfter()}. */
public final class LoginThrottledException extends IdentityException {
    private final Duration retryAfter;

    public LoginThrottledException(String message, Duration retryAfter) {
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

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String code() {
        return "TooManyLoginAttempts";
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("retryAfterSeconds", retryAfterSeconds());
    }
}
