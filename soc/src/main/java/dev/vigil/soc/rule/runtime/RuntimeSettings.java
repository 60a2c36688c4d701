package dev.vigil.soc.rule.runtime;

import java.time.Duration;

/**
 * How the rule runners run.
 *
 * @param threads the detection pool: rule runs happen only on these threads, never on those that
 *     serve interactive queries, and at most this many at once
 * @param pollInterval how often the runners look for due scheduled runs and newly ingested rows
 */
public record RuntimeSettings(int threads, Duration pollInterval) {
    public RuntimeSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("the detection pool needs at least one thread");
        }
    }

    /**
     * Two threads (a node of this project's size has two cores), polling every 100 ms: a poll
     * reads in-memory positions only, and the interval is the floor of alert → incident latency.
     */
    public static RuntimeSettings defaults() {
        return new RuntimeSettings(2, Duration.ofMillis(100));
    }
}
