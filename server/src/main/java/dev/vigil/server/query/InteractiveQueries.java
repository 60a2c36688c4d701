package dev.vigil.server.query;

import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryControl;
import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.ResultSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the queries people send: each waits for a place ({@link QueryAdmission}), is listed among
 * the {@link RunningQueries} while it runs, and counts on {@code /metrics} when it is refused,
 * cancelled, timed out or cut at a result limit.
 */
public final class InteractiveQueries {
    private final LogStore logStore;
    private final QueryAdmission admission;
    private final RunningQueries running = new RunningQueries();
    private final Counter throttled;
    private final Counter truncated;
    private final Map<QueryCancellation.Reason, Counter> cancelled = new EnumMap<>(QueryCancellation.Reason.class);

    public InteractiveQueries(LogStore logStore, QueryConcurrency concurrency, MeterRegistry meters) {
        this.logStore = logStore;
        this.admission = new QueryAdmission(concurrency);
        Gauge.builder("vigil.queries.running", admission, QueryAdmission::running)
                .description("Interactive queries running now").register(meters);
        Gauge.builder("vigil.queries.queued", admission, QueryAdmission::queued)
                .description("Interactive queries waiting for a place to run").register(meters);
        throttled = Counter.builder("vigil.queries.throttled").description("Interactive queries refused with 429: too many running").register(meters);
        truncated = Counter.builder("vigil.queries.truncated").description("Interactive query results cut at the row or size cap").register(meters);
        for (QueryCancellation.Reason reason : QueryCancellation.Reason.values()) {
            cancelled.put(reason, Counter.builder("vigil.queries.cancelled").tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .description("Interactive queries stopped before they finished: cancelled, client disconnected, timed out").register(meters));
        }
    }

    public RunningQueries running() {
        return running;
    }

    public QueryLimits limits() {
        return logStore.queryLimits();
    }

    /**
     * Runs the query once it has a place, streaming its rows to the sink. Throws
     * {@link QueryThrottledException} when it finds none in time, {@link QueryIdInUseException} when
     * its id is taken, and whatever {@link LogStore#query(String, QueryRequest, QueryControl, ResultSink)} throws.
     */
    public QuerySummary run(RunningQuery query, QueryRequest request, Duration timeout, ResultSink sink) throws IOException {
        if (running.find(query.workspace(), query.id()).isPresent()) {
            throw new QueryIdInUseException(query.id());
        }
        String caller = query.caller().id();
        admit(caller);
        try {
            if (!running.add(query)) {
                throw new QueryIdInUseException(query.id());
            }
            try {
                QuerySummary summary = logStore.query(query.workspace(), request, new QueryControl(timeout, query.cancellation()), sink);
                summary.truncation().ifPresent(cut -> truncated.increment());
                return summary;
            } finally {
                running.remove(query);
                query.cancellation().cancelled().ifPresent(stop -> cancelled.get(stop.reason()).increment());
            }
        } finally {
            admission.release(caller);
        }
    }

    private void admit(String caller) {
        try {
            admission.admit(caller);
        } catch (QueryThrottledException e) {
            throttled.increment();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a place to run a query", e);
        }
    }
}
