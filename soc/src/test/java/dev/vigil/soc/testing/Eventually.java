package dev.vigil.soc.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something that happens asynchronously (a stream, a rule run, a row write) by asking
 * again until it holds or a deadline passes, instead of sleeping a guessed time.
 */
public final class Eventually {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(30);
    private static final Duration PAUSE = Duration.ofMillis(25);

    private Eventually() {
    }

    /** The first value that satisfies the condition; fails naming the last value seen after the deadline. */
    public static <T> T await(String what, Supplier<T> probe, Predicate<T> condition) {
        return await(what, probe, condition, DEFAULT_DEADLINE);
    }

    public static <T> T await(String what, Supplier<T> probe, Predicate<T> condition, Duration deadline) {
        Instant giveUp = Instant.now().plus(deadline);
        while (true) {
            T value = probe.get();
            if (condition.test(value)) {
                return value;
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(what + " did not happen within " + deadline + "; last seen: " + value);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
