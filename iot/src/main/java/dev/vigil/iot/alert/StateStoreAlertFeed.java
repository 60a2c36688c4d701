package dev.vigil.iot.alert;

import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The alert feed as state documents, one per version, whose ids are the zero-padded sequence.
 * Versions are written one after the other and never deleted, so the ids present are exactly
 * 1..last: a restart finds the last one by probing, with no separate head to keep in step.
 *
 * <p>State documents rather than a workspace table: the feed exists whether or not a workspace
 * is connected (Defender keeps its alerts without Sentinel), a {@code put} is committed when it
 * returns instead of waiting for a group commit, and a version is read back by its key.
 */
final class StateStoreAlertFeed implements AlertFeed {
    static final String COLLECTION = "iot-alert-feed";

    private final DocumentCollection<AlertVersion> versions;
    private final List<Consumer<AlertVersion>> appendListeners = new CopyOnWriteArrayList<>();
    /** Versions appended in the caller's open transaction, handed to the listeners once it commits. */
    private final List<AlertVersion> uncommitted = new ArrayList<>();
    private volatile long last;

    StateStoreAlertFeed(StateStore store) {
        this.versions = store.collection(COLLECTION, AlertVersion.class);
        this.last = findLast();
    }

    @Override
    public List<AlertVersion> read(long afterSequence, int limit) {
        if (afterSequence < 0) {
            throw new IllegalArgumentException("afterSequence must not be negative, was " + afterSequence);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        long upTo = Math.min(last, afterSequence + limit);
        if (upTo <= afterSequence) {
            return List.of();
        }
        // One range read; versions of a transaction still open are waited for, not skipped.
        return versions.listAfter(key(afterSequence), (int) (upTo - afterSequence));
    }

    @Override
    public long lastSequence() {
        return last;
    }

    @Override
    public void addAppendListener(Consumer<AlertVersion> listener) {
        appendListeners.add(listener);
    }

    /**
     * Appends the next version within the caller's state-store transaction; the caller serialises
     * appends and then calls {@link #committed} or {@link #rollBackTo}.
     */
    AlertVersion append(IotAlert alert, Instant changedAt, AlertChangeKind kind) {
        AlertVersion version = new AlertVersion(last + 1, alert, changedAt, kind);
        versions.put(key(version.sequence()), version);
        last = version.sequence();
        uncommitted.add(version);
        return version;
    }

    /** The transaction of the versions appended since the last call committed: they are durable now, tell the listeners. */
    void committed() {
        for (AlertVersion version : uncommitted) {
            appendListeners.forEach(listener -> listener.accept(version));
        }
        uncommitted.clear();
    }

    /** Forgets the versions after {@code sequence}: their transaction was rolled back. */
    void rollBackTo(long sequence) {
        last = sequence;
        uncommitted.clear();
    }

    /** The newest version, if any. */
    Optional<AlertVersion> newest() {
        return last == 0 ? Optional.empty() : versions.get(key(last));
    }

    private long findLast() {
        if (!exists(1)) {
            return 0;
        }
        long present = 1;
        long probe = 2;
        while (exists(probe)) {
            present = probe;
            probe *= 2;
        }
        // present exists, probe does not: the last one lies in [present, probe).
        long low = present;
        long high = probe;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (exists(middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private boolean exists(long sequence) {
        return versions.get(key(sequence)).isPresent();
    }

    private static String key(long sequence) {
        return String.format("%019d", sequence);
    }
}
