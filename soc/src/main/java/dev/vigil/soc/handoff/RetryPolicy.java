package dev.vigil.soc.handoff;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed hand-off is tried again, and when it is given up. The pause starts at
 * {@code firstPause} and doubles after each failure up to {@code longestPause}.
 *
 * @param attempts how many attempts a position gets before what lies after it is given up; 0 for never
 *     (the hand-off is retried until it succeeds, for output that must not be lost)
 */
public record RetryPolicy(Duration firstPause, Duration longestPause, int attempts) {
    public static final int FOREVER = 0;

    public RetryPolicy {
        Objects.requireNonNull(firstPause, "firstPause");
        Objects.requireNonNull(longestPause, "longestPause");
        if (firstPause.isNegative() || longestPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("pauses must be 0 or more, the longest at least the first: " + firstPause + ", " + longestPause);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must be 0 (forever) or more, was " + attempts);
        }
    }

    /** The same pause after every failure; given up after {@code attempts} (0: never). */
    public static RetryPolicy fixed(Duration pause, int attempts) {
        return new RetryPolicy(pause, pause, attempts);
    }

    /** Doubling pauses from {@code first} to {@code longest}, never given up. */
    public static RetryPolicy doubling(Duration first, Duration longest) {
        return new RetryPolicy(first, longest, FOREVER);
    }

    public boolean givesUp() {
        return attempts != FOREVER;
    }

    /** Whether the {@code attempt}-th failure (from 1) of a position is its last. */
    boolean isLast(int attempt) {
        return givesUp() && attempt >= attempts;
    }

    /** The pause after the {@code attempt}-th failure (from 1). */
    public Duration pauseAfter(int attempt) {
        Duration pause = firstPause;
        for (int i = 1; i < attempt && pause.compareTo(longestPause) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longestPause) > 0 ? longestPause : pause;
    }
}
