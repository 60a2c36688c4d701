package dev.vigil.server.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * The server-wide budget of failed logins: a bucket of {@code burst} tokens, refilled at
 * {@code perSecond}; each failure spends one. When it is empty, logins wait until a token is back.
 */
final class FailureBudget {
    private final double burst;
    private final double perSecond;
    private double tokens;
    private Instant refilledAt;

    FailureBudget(int burst, double perSecond, Instant now) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.tokens = burst;
        this.refilledAt = now;
    }

    /** How long until a failure may be spent; zero when one may be now. */
    synchronized Duration remaining(Instant now) {
        refill(now);
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9));
    }

    synchronized void spend(Instant now) {
        refill(now);
        // logins checked at once may all fail: the debt they leave is paid back before the next one
        tokens = Math.max(tokens - 1, -burst);
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            tokens = Math.min(burst, tokens + Duration.between(refilledAt, now).toNanos() / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
