package dev.vigil.server.query;

import java.time.Duration;
import java.util.Objects;

/**
 * How many interactive queries may run at once. A query over a limit waits for a place up to
 * {@code maxQueueWait} (while fewer than {@code maxQueued} wait), then is refused with 429 and
 * {@code Retry-After}.
 *
 * @param maxRunning queries running at once, all callers together
 * @param maxRunningPerCaller queries one user runs at once
 * @param maxQueued queries waiting for a place at once; more are refused at once
 * @param maxQueueWait how long a query waits for a place
 */
public record QueryConcurrency(int maxRunning, int maxRunningPerCaller, int maxQueued, Duration maxQueueWait) {
    public QueryConcurrency {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1, was " + maxRunning);
        }
        if (maxRunningPerCaller < 1 || maxRunningPerCaller > maxRunning) {
            throw new IllegalArgumentException("maxRunningPerCaller must be between 1 and maxRunning (" + maxRunning + "), was " + maxRunningPerCaller);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative, was " + maxQueued);
        }
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        if (maxQueueWait.isNegative()) {
            throw new IllegalArgumentException("maxQueueWait must not be negative, was " + maxQueueWait);
        }
    }

    /**
     * Four queries at once, two per user, sixteen waiting up to 5 s: on the 2-core machines Vigil
     * is measured on, DuckDB already spreads one query over every core, so more at once only
     * makes each slower and takes time from ingestion and rules.
     */
    public static QueryConcurrency defaults() {
        return new QueryConcurrency(4, 2, 16, Duration.ofSeconds(5));
    }
}
