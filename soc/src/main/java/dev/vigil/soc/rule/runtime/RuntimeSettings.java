package dev.vigil.soc.rule.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How the rule runners run.
 *
 * @param threads the detection pool: rule runs happen only on these threads, never on those that
 *     serve interactive queries, and at most this many at once
 * @param pollInterval how often the runners look for due scheduled runs and newly ingested rows
 * @param failureBackoff how long work that failed outside a runner's own retries (incident
 *     creation, for one) waits before it is tried again
 */
public record RuntimeSettings(int threads, Duration pollInterval, Duration failureBackoff) {
    public RuntimeSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("the detection pool needs at least one thread");
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(failureBackoff, "failureBackoff");
        if (failureBackoff.isNegative()) {
            throw new IllegalArgumentException("the backoff after a failure cannot be negative, was " + failureBackoff);
        }
    }

    /**
     * Two threads (a node of this project's size has two cores), polling every 100 ms: a poll
     * reads in-memory positions only, and the interval is the floor of alert → incident latency.
     * Failed work waits 10 s, long enough not to flood the log and the health table while the
     * cause lasts.
     */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(2, Duration.ofMillis(100), Duration.ofSeconds(10));
    }
}
