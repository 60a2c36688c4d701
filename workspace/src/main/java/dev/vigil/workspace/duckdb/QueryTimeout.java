package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryControl;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Cancels a query when its timeout passes, unless it finished (and closed this) first. */
final class QueryTimeout implements AutoCloseable {
    private final ScheduledFuture<?> expiry;

    private QueryTimeout(ScheduledFuture<?> expiry) {
        this.expiry = expiry;
    }

    static QueryTimeout start(QueryControl control, ScheduledExecutorService timer) {
        Duration timeout = control.timeout();
        String message = "The query ran longer than its timeout of " + describe(timeout)
                + " and was stopped; narrow it (a shorter timespan, fewer rows before a join or summarize) or allow it more time.";
        return new QueryTimeout(timer.schedule(() -> control.cancellation().cancel(QueryCancellation.Reason.TIMED_OUT, message),
                timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** {@code 1 s}, {@code 10 min}, {@code 250 ms}: how an operator wrote the setting. */
    static String describe(Duration duration) {
        if (duration.toMillis() % 60_000 == 0) {
            return duration.toMinutes() + " min";
        }
        if (duration.toMillis() % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return duration.toMillis() + " ms";
    }

    @Override
    public void close() {
        expiry.cancel(false);
    }
}
