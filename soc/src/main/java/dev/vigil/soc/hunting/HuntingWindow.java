package dev.vigil.soc.hunting;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time range a hunting query runs over: rows whose {@code TimeGenerated} is in [start, end). */
public record HuntingWindow(Instant start, Instant end) {
    /** Sentinel's hunting page looks back a day unless told otherwise. */
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);

    public HuntingWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new InvalidHuntingRequestException("startTime must be before endTime; was " + start + " to " + end);
        }
    }

    /** As the query API's timespan takes it: an ISO 8601 interval. */
    String timespan() {
        return start + "/" + end;
    }
}
