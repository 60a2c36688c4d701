package dev.vigil.server.identity;

import java.time.Duration;
import java.util.Map;

/** Too many failed logins for an account, from an address, or across the server: try again after {@link #retryAfter()}. */
public final class LoginThrottledException extends IdentityException {

    /** Which count of failures refused the login. */
    public enum Limit {
        ACCOUNT_AND_ADDRESS("AccountAndAddress", "for this account from this address"),
        ADDRESS("Address", "from this address"),
        ACCOUNT("Account", "for this account"),
        SERVER("Server", "on this server");

        private final String code;
        private final String where;

        Limit(String code, String where) {
            this.code = code;
            this.where = where;
        }

        public String code() {
            return code;
        }
    }

    private final Limit limit;
    private final Duration retryAfter;

    public LoginThrottledException(Limit limit, Duration retryAfter) {
        super("Too many failed logins " + limit.where + "; try again in " + seconds(retryAfter) + " seconds.");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public Limit limit() {
        return limit;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, at least one: the value of {@code Retry-After}. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
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
        return Map.of("retryAfterSeconds", retryAfterSeconds(), "limit", limit.code());
    }
}
