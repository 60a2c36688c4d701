package dev.vigil.kql;

import java.time.Instant;
import java.util.Objects;

/** A half-open interval of time, {@code [start, end)}. */
public record TimeRange(Instant start, Instant end) {
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("time range ends (" + end + ") before it starts (" + start + ")");
        }
    }
}
