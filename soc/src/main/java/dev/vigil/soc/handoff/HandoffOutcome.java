package dev.vigil.soc.handoff;

import java.time.Duration;
import java.time.Instant;

/** What one call of {@link DurableConsumer#handOff} came to. */
public sealed interface HandoffOutcome<T> {

    /** The position before the call. */
    long after();

    /** The output and the new position are committed. */
    record Committed<T>(long after, Batch<T> batch) implements HandoffOutcome<T> {
    }

    /**
     * Nothing moved; the consumer waits {@code retryIn} (until {@code retryAt}) before the next
     * attempt, which reads from the same position.
     *
     * @param attempt this position's failures so far, from 1
     * @param attempts how many it gets before being given up, 0 for never
     */
    record Failed<T>(long after, long target, RuntimeException cause, int attempt, int attempts, Duration retryIn, Instant retryAt)
            implements HandoffOutcome<T> {
    }

    /** Its last attempt failed: the position moved to {@code target} with no output, and what lay between is lost. */
    record GivenUp<T>(long after, long target, RuntimeException cause, int attempts) implements HandoffOutcome<T> {
    }

    /** The consumer is still waiting out a failure; nothing was tried. */
    record Waiting<T>(long after, Instant retryAt) implements HandoffOutcome<T> {
    }
}
