package dev.vigil.soc.connector.iot;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time in which a subscription was connected to a workspace, measured in positions
 * of the alert feed: it covers the versions after {@code afterSequence} up to and including
 * {@code untilSequence}. Positions rather than times, because a version's place in the feed is
 * exact while clocks are not, and because the streamer may be behind when the user disconnects.
 *
 * @param afterSequence the feed's last sequence when the subscription was connected
 * @param untilSequence the feed's last sequence when it was disconnected; null while connected
 * @param disconnectedAt null while connected
 */
public record ConnectedPeriod(long afterSequence, Instant connectedAt, Long untilSequence, Instant disconnectedAt) {
    public ConnectedPeriod {
        Objects.requireNonNull(connectedAt, "connectedAt");
        if ((untilSequence == null) != (disconnectedAt == null)) {
            throw new IllegalArgumentException("a period ends with both a sequence and a time, or with neither");
        }
        if (untilSequence != null && untilSequence < afterSequence) {
            throw new IllegalArgumentException("a period cannot end (" + untilSequence + ") before it starts (" + afterSequence + ")");
        }
    }

    static ConnectedPeriod startingAfter(long sequence, Instant at) {
        return new ConnectedPeriod(sequence, at, null, null);
    }

    /** Whether the subscription is still connected in this period. */
    public boolean ongoing() {
        return untilSequence == null;
    }

    /** Whether the version with this sequence was made while connected. */
    public boolean covers(long sequence) {
        return sequence > afterSequence && (ongoing() || sequence <= untilSequence);
    }

    /** Whether some version after {@code sequence} may still fall within this period. */
    boolean coversAnyAfter(long sequence) {
        return ongoing() || untilSequence > sequence;
    }

    ConnectedPeriod closedAt(long sequence, Instant at) {
        return new ConnectedPeriod(afterSequence, connectedAt, Math.max(sequence, afterSequence), at);
    }
}
