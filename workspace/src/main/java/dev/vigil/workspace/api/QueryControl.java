package dev.vigil.workspace.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a query may run and how it can be stopped before that.
 *
 * @param timeout from the moment the store starts compiling it; the store cancels the query with
 *     {@link QueryCancellation.Reason#TIMED_OUT} when it passes
 */
public record QueryControl(Duration timeout, QueryCancellation cancellation) {
    public QueryControl {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cancellation, "cancellation");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** A timeout and a cancellation nobody else holds. */
    public static QueryControl withTimeout(Duration timeout) {
        return new QueryControl(timeout, new QueryCancellation());
    }
}
