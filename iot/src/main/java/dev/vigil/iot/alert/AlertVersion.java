package dev.vigil.iot.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the {@link AlertFeed}: the whole alert as it stands after a change.
 *
 * @param sequence 1 for the first entry, then +1 per entry, without gaps
 */
public record AlertVersion(long sequence, IotAlert alert, Instant changedAt, AlertChangeKind changeKind) {
    public AlertVersion {
        if (sequence < 1) {
            throw new IllegalArgumentException("a feed sequence starts at 1, was " + sequence);
        }
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changeKind, "changeKind");
    }
}
