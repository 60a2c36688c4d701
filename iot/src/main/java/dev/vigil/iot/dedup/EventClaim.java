package dev.vigil.iot.dedup;

import dev.vigil.iot.message.SecurityEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ids of one message's events as {@link RecentEventIds} judged them: the fresh events, now
 * claimed by this message, and the number of copies of events received before. End it once with
 * {@link #stored()} or {@link #abandoned(Throwable)}.
 */
public final class EventClaim {
    private final RecentEventIds ids;
    private final List<SecurityEvent> fresh;
    private final int duplicates;
    private final long[] claimed;
    private final CompletableFuture<Void> storage;
    private final CompletableFuture<Void> originalsStored;
    private final AtomicBoolean ended = new AtomicBoolean();

    EventClaim(RecentEventIds ids, List<SecurityEvent> fresh, int duplicates, long[] claimed, CompletableFuture<Void> storage,
            List<CompletableFuture<Void>> originals) {
        this.ids = ids;
        this.fresh = List.copyOf(fresh);
        this.duplicates = duplicates;
        this.claimed = claimed;
        this.storage = storage;
        this.originalsStored = originals.isEmpty() ? CompletableFuture.completedFuture(null)
                : CompletableFuture.allOf(originals.toArray(CompletableFuture[]::new));
    }

    /** The events not received before, in message order. */
    public List<SecurityEvent> fresh() {
        return fresh;
    }

    /** Events of the message that copy events received before (or earlier in the message). */
    public int duplicates() {
        return duplicates;
    }

    /** Every event is a copy: the message is a retry of one already taken. */
    public boolean onlyDuplicates() {
        return fresh.isEmpty() && duplicates > 0;
    }

    /**
     * Completes once the originals that this message copies are stored; exceptionally if storing
     * one of them failed (the copy must then not be acknowledged either).
     */
    public CompletableFuture<Void> originalsStored() {
        return originalsStored;
    }

    /** The fresh events are stored: their ids stay remembered, and copies waiting for them are released. */
    public void stored() {
        if (ended.compareAndSet(false, true)) {
            ids.stored(claimed);
            storage.complete(null);
        }
    }

    /** The fresh events could not be stored: their ids are forgotten so that a retry is taken, and copies waiting fail too. */
    public void abandoned(Throwable cause) {
        if (ended.compareAndSet(false, true)) {
            ids.abandoned(claimed);
            storage.completeExceptionally(cause);
        }
    }
}
