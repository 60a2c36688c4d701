package dev.vigil.workspace.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops a running query from outside: its caller cancels it by id, its client went away, or its
 * timeout passed. The first cancellation wins; later ones change nothing. The store listens and
 * interrupts the engine, so the query stops using the machine, not only answering.
 */
public final class QueryCancellation {
    /** Why a query was stopped. */
    public enum Reason {
        /** Someone allowed to asked for it, e.g. {@code DELETE .../queries/{id}}. */
        CANCELLED,
        /** The client closed its connection before the answer was complete. */
        CLIENT_DISCONNECTED,
        /** It ran longer than its timeout. */
        TIMED_OUT
    }

    /** The reason and its explanation for the person who ran the query. */
    public record Cancelled(Reason reason, String message) {
        public Cancelled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Stops listening; see {@link #onCancel(Runnable)}. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final AtomicReference<Cancelled> cancelled = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Cancels the query unless it was already; returns whether this call did it. */
    public boolean cancel(Reason reason, String message) {
        if (!cancelled.compareAndSet(null, new Cancelled(reason, message))) {
            return false;
        }
        listeners.forEach(Runnable::run);
        return true;
    }

    public Optional<Cancelled> cancelled() {
        return Optional.ofNullable(cancelled.get());
    }

    public boolean isCancelled() {
        return cancelled.get() != null;
    }

    /** Throws {@link QueryCancelledException} if the query was cancelled. */
    public void throwIfCancelled() {
        Cancelled reason = cancelled.get();
        if (reason != null) {
            throw new QueryCancelledException(reason.reason(), reason.message());
        }
    }

    /**
     * Runs {@code action} on cancellation, at once if it has happened; closing the returned handle
     * stops listening. The action may run twice if cancellation races with this call, so it must
     * not mind that.
     */
    public Registration onCancel(Runnable action) {
        listeners.add(action);
        if (isCancelled()) {
            action.run();
        }
        return () -> listeners.remove(action);
    }
}
