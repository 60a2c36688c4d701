package dev.vigil.iot.dedup;

import java.time.Duration;
import java.util.Objects;

/**
 * How the device intake recognises security events sent again (at-least-once retries).
 *
 * @param window how long an event id is remembered after it was received, also across restarts;
 *     zero turns deduplication off
 * @param maxIds the most ids held, about 12 bytes each; past it the oldest are forgotten early,
 *     so that memory stays bounded while the window effectively shrinks
 */
public record DedupSettings(Duration window, long maxIds) {
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** About 50 MB of keys: a day of 100 events an hour from 1,600 devices, or an hour from 40,000. */
    public static final long DEFAULT_MAX_IDS = 4_000_000;

    public DedupSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("the deduplication window must not be negative, was " + window);
        }
        if (maxIds < RecentEventIds.STRIPES) {
            throw new IllegalArgumentException("the deduplication id limit must be at least " + RecentEventIds.STRIPES + ", was " + maxIds);
        }
    }

    public static DedupSettings defaults() {
        return new DedupSettings(DEFAULT_WINDOW, DEFAULT_MAX_IDS);
    }

    public boolean enabled() {
        return !window.isZero();
    }
}
