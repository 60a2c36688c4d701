package dev.vigil.soc.playbook;

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
        Duration pause = retryInterval;
        for (int i = 2; i < next && pause.compareTo(LONGEST_PAUSE) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    public int attempts() {
        return retries + 1;
    }
}
