package dev.vigil.soc.playbook;

import dev.vigil.soc.handoff.RetryPolicy;
import java.time.Duration;

/**
 * How long one attempt of a step may take, and how often it is tried again after failing: the
 * pause starts at {@code retryInterval} and doubles after each failure, up to {@link #LONGEST_PAUSE}.
 */
public record StepPolicy(Duration timeout, int retries, Duration retryInterval) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(10);
    public static final int MOST_RETRIES = 10;
    public static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);

    public static StepPolicy defaults() {
        return new StepPolicy(DEFAULT_TIMEOUT, 0, Duration.ofSeconds(1));
    }

    /** The pause before attempt {@code next} (from 2). */
    public Duration pauseBefore(int next) {
        // the hand-offs' doubling rule: the pause after failure next - 1
        return new RetryPolicy(retryInterval, LONGEST_PAUSE, attempts()).pauseAfter(next - 1);
    }

    public int attempts() {
        return retries + 1;
    }
}
