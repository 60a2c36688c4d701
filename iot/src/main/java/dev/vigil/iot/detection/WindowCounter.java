package dev.vigil.iot.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts occurrences in tumbling windows aligned to the epoch. Time only moves forward: an
 * occurrence older than the current window is counted in the current one.
 */
final class WindowCounter {
    /** A window that is over. {@code raised} when its maximum was already reported while it ran. */
    record ClosedWindow(Instant start, Instant end, long count, boolean raised) {
    }

    private final Duration size;
    private Instant start;
    private long count;
    private boolean raised;

    WindowCounter(Duration size, Instant first) {
        this.size = size;
        this.start = align(first);
    }

    Duration size() {
        return size;
    }

    Instant start() {
        return start;
    }

    /**
     * Closes the windows that end at or before {@code time}. After a long gap the empty windows
     * all look alike, so only the last of them is reported.
     */
    List<ClosedWindow> advanceTo(Instant time) {
        List<ClosedWindow> closed = new ArrayList<>(2);
        if (time.isBefore(start.plus(size))) {
            return closed;
        }
        closed.add(new ClosedWindow(start, start.plus(size), count, raised));
        Instant next = align(time);
        Instant lastEmpty = next.minus(size);
        if (lastEmpty.isAfter(start)) {
            closed.add(new ClosedWindow(lastEmpty, next, 0, false));
        }
        start = next;
        count = 0;
        raised = false;
        return closed;
    }

    /** Counts one occurrence in the current window and returns the window's count. */
    long increment() {
        return ++count;
    }

    /** Remembers that the current window's maximum was reported, so it is not reported again. */
    boolean markRaised() {
        boolean first = !raised;
        raised = true;
        return first;
    }

    private Instant align(Instant time) {
        long sizeMillis = size.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), sizeMillis) * sizeMillis);
    }
}
