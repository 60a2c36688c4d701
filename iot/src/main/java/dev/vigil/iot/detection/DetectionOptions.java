package dev.vigil.iot.detection;

import java.time.Duration;

/**
 * How the detection engine runs and the parameters of its built-in conditions.
 *
 * @param lanes threads; a device always runs on the same lane, so its activity stays in order
 * @param laneQueueCapacity tasks waiting per lane beyond which new activity is dropped and counted
 *     rather than blocking the endpoint thread
 * @param bruteForceThreshold failed logins from one source that make a brute force attempt
 * @param bruteForceWindow within which those failures (and the success after them) must fall
 * @param silentAfter no message for this long raises "Device silent"
 * @param windowCloseDelay how long after a custom rule window ends the clock closes it, for late events
 * @param idleEviction a device with no activity for this long has its state dropped; longer
 *     than {@code silentAfter}
 * @param clockInterval how often the engine looks at the clock (zero: only when asked)
 */
public record DetectionOptions(
        int lanes,
        int laneQueueCapacity,
        int bruteForceThreshold,
        Duration bruteForceWindow,
        Duration silentAfter,
        Duration windowCloseDelay,
        Duration idleEviction,
        Duration clockInterval) {

    public DetectionOptions {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, was " + lanes);
        }
        if (laneQueueCapacity < 1) {
            throw new IllegalArgumentException("laneQueueCapacity must be at least 1, was " + laneQueueCapacity);
        }
        if (bruteForceThreshold < 2) {
            throw new IllegalArgumentException("bruteForceThreshold must be at least 2, was " + bruteForceThreshold);
        }
        if (bruteForceWindow.isNegative() || bruteForceWindow.isZero() || silentAfter.isNegative() || silentAfter.isZero() || windowCloseDelay.isNegative() || clockInterval.isNegative()) {
            throw new IllegalArgumentException("durations must be positive (windowCloseDelay and clockInterval may be zero)");
        }
        if (idleEviction.compareTo(silentAfter) <= 0) {
            throw new IllegalArgumentException("idleEviction (" + idleEviction + ") must be longer than silentAfter (" + silentAfter + ")");
        }
    }

    /**
     * Brute force at 5 failures from one source within 5 minutes, silence after 72 hours, state
     * kept 96 hours, windows closed a minute late, the clock looked at every 30 seconds.
     */
    public static DetectionOptions defaults() {
        return new DetectionOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), 100_000, 5, Duration.ofMinutes(5),
                Duration.ofHours(72), Duration.ofMinutes(1), Duration.ofHours(96), Duration.ofSeconds(30));
    }

    public DetectionOptions withLanes(int count) {
        return new DetectionOptions(count, laneQueueCapacity, bruteForceThreshold, bruteForceWindow, silentAfter, windowCloseDelay,
                idleEviction, clockInterval);
    }

    public DetectionOptions withClockInterval(Duration interval) {
        return new DetectionOptions(lanes, laneQueueCapacity, bruteForceThreshold, bruteForceWindow, silentAfter, windowCloseDelay,
                idleEviction, interval);
    }
}
