package dev.vigil.iot.alert;

import java.util.List;
import java.util.function.Consumer;

/**
 * Every new alert and every change of one, in the order they happened, durable before the
 * change is visible anywhere else. A consumer (the Sentinel data connector) keeps its own cursor,
 * the last sequence it has written out, and commits it with its output; after a restart it reads
 * on from there, so it sees every version exactly once.
 */
public interface AlertFeed {

    /**
     * The versions after {@code afterSequence} (0 to start at the beginning), in sequence order,
     * at most {@code limit} of them; empty when the consumer is up to date.
     */
    List<AlertVersion> read(long afterSequence, int limit);

    /** The sequence of the newest version, 0 when the feed is empty. */
    long lastSequence();

    /**
     * Hands {@code listener} each version on the appending thread once it is durable, so that a
     * consumer can wake up at once instead of polling, and need not read back what it was given.
     * The listener must return quickly and not throw.
     */
    void addAppendListener(Consumer<AlertVersion> listener);
}
