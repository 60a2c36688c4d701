package dev.vigil.server.console.logs;

import dev.vigil.kql.TimeRange;
import dev.vigil.server.api.query.ClientHangUp;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.identity.Principal;
import dev.vigil.server.query.InteractiveQueries;
import dev.vigil.server.query.QueryIdInUseException;
import dev.vigil.server.query.QueryLog;
import dev.vigil.server.query.QueryLogEntry;
import dev.vigil.server.query.QueryThrottledException;
import dev.vigil.server.query.RunningQuery;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryCancelledException;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.ResultTruncation;
import dev.vigil.workspace.api.WorkspaceException;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Logs page's queries, governed as the query API's are: each takes a place among the
 * {@link InteractiveQueries} (the same limits per user and in all, the same queue and refusal),
 * is listed among the running queries under the id the page chose, so that its Cancel button
 * stops it in the engine, and gets its {@code LAQueryLogs} row with {@value #CLIENT_APP} as the
 * client. Of its rows only the first {@link QueryResults#MAX_ROWS} are kept, as they are read.
 *
 * <p>A query runs on a thread of its own, so that the page gets its first rows as soon as the store
 * has them rather than when the last row is read: the request that runs it answers with the first
 * page (or the whole result, if the query ends within {@link #SETTLE} of it), and the page then asks
 * how far the query got until it ends. While a request of the page waits on the query, a closed
 * connection cancels it ({@link ClientHangUp}); between those requests, a query nobody waits on
 * for {@link #ABANDONED} is cancelled too: its page was closed.
 */
final class LogsQueries {
    static final String CLIENT_APP = "Vigil console";
    /** What the page's script sends as the query's id; without one (no script), the server makes one. */
    private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** The status the query API would have answered for a client that hung up, as {@code LAQueryLogs} records it. */
    private static final int CLIENT_CLOSED_REQUEST = 499;
    /** How long the first answer waits past the first page for the query to end: a quick query answers once, whole. */
    static final Duration SETTLE = Duration.ofMillis(150);
    /** How long the page's request for progress waits for the query to end before it answers how far it got. */
    static final Duration PROGRESS_WAIT = Duration.ofSeconds(1);
    /** How long a running query may go without a request of its page waiting on it. */
    static final Duration ABANDONED = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(LogsQueries.class);
    /** Shared by every server in the process (tests start many); idle threads end after a minute. */
    private static final ExecutorService RUNNERS = Executors.newCachedThreadPool(daemon("vigil-console-query"));
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(daemon("vigil-console-query-watchdog"));

    private final InteractiveQueries queries;
    private final QueryLog log;
    private final QueryResults results;
    private final Clock clock;

    LogsQueries(InteractiveQueries queries, QueryLog log, QueryResults results, Clock clock) {
        this.queries = queries;
        this.log = log;
        this.results = results;
        this.clock = clock;
        WeakReference<QueryResults> watched = new WeakReference<>(results);
        // weakly, so that a stopped server's results are not held by the shared watchdog
        WATCHDOG.scheduleWithFixedDelay(() -> {
            QueryResults kept = watched.get();
            if (kept == null) {
                // the server stopped: failing ends this task's repetitions
                throw new IllegalStateException("the Logs page's results are gone");
            }
            stopAbandoned(kept);
        }, 1, 1, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void stopAbandoned(QueryResults kept) {
        for (KeptResult result : kept.running()) {
            if (result.abandoned(ABANDONED.toNanos())) {
                result.cancel(QueryCancellation.Reason.CLIENT_DISCONNECTED, "The Logs page that ran the query was closed.");
            }
        }
    }

    /**
     * Starts the query for the page's user and answers its result once its first page is there
     * (or it ended, however it did): the result may still be running.
     */
    KeptResult run(ConsoleRequest request, String workspace, String queryId, QueryRequest queryRequest) {
        Principal user = request.user().principal();
        RunningQuery query = new RunningQuery(QUERY_ID.matcher(queryId).matches() ? queryId : UUID.randomUUID().toString(), workspace, user,
                queryRequest.query(), clock.instant(), new QueryCancellation());
        KeptResult result = results.start(user.id(), workspace, query.cancellation());
        result.watch();
        try (ClientHangUp hangUp = ClientHangUp.watch(request.ctx(), () -> query.cancellation().cancel(QueryCancellation.Reason.CLIENT_DISCONNECTED,
                "The browser closed the connection before the results came."))) {
            RUNNERS.execute(() -> execute(query, queryRequest, result));
            // no deadline of its own: the query's timeout (and the wait for a place) bound it
            if (result.rows().awaitFirstPage(Long.MAX_VALUE)) {
                result.rows().awaitClose(SETTLE.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            query.cancellation().cancel(QueryCancellation.Reason.CLIENT_DISCONNECTED, "The server stopped waiting for the query.");
        } finally {
            result.unwatch();
        }
        return result;
    }

    /**
     * Waits a moment for the running query to end, watching the page's connection meanwhile: the
     * page asks again and again while it runs, so its requests tell that it is still open.
     */
    void awaitProgress(ConsoleRequest request, KeptResult result) {
        if (result.ending().isPresent()) {
            return;
        }
        result.watch();
        try (ClientHangUp hangUp = ClientHangUp.watch(request.ctx(), () -> result.cancel(QueryCancellation.Reason.CLIENT_DISCONNECTED,
                "The browser closed the connection before the results came."))) {
            result.rows().awaitClose(PROGRESS_WAIT.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            result.unwatch();
        }
    }

    /** Runs the query to its end on a thread of {@link #RUNNERS}, keeping its rows and how it ended, and logs it. */
    private void execute(RunningQuery query, QueryRequest queryRequest, KeptResult result) {
        long started = System.nanoTime();
        int status;
        try {
            QuerySummary summary = queries.run(query, queryRequest, queries.limits().defaultTimeout(), result.rows());
            result.finish(summary.rows(), summary.truncation().map(ResultTruncation::message));
            status = 200;
        } catch (QueryThrottledException e) {
            status = fail(result, 429, e.getMessage());
        } catch (QueryIdInUseException e) {
            status = fail(result, 409, "This query is running already; wait for its results or cancel it.");
        } catch (QueryCancelledException e) {
            status = fail(result, cancelledStatus(e.reason()), e.getMessage());
        } catch (KqlQueryException e) {
            status = fail(result, 400, e.getMessage());
        } catch (WorkspaceException e) {
            // the store's messages name what failed ("the query failed while running: ..."); the page shows them as a sentence
            status = fail(result, 400, Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1));
        } catch (IOException e) {
            // the sink keeps rows in memory and does not write: nothing here does I/O that can fail
            status = fail(result, 500, "The query failed: " + e.getMessage());
        } catch (RuntimeException e) {
            // the page shows the failure; the query log still has its row, as the API's 500s do
            LOG.error("Logs query {} on workspace {} failed", query.id(), query.workspace(), e);
            status = fail(result, 500, "The query failed unexpectedly: " + e.getMessage());
        }
        log.record(entry(query, queryRequest, status, started, status == 200 ? result.totalRows() : 0));
    }

    private static int fail(KeptResult result, int status, String message) {
        result.fail(message);
        return status;
    }

    private QueryLogEntry entry(RunningQuery query, QueryRequest request, int status, long started, long rows) {
        return new QueryLogEntry(query.started(), query.workspace(), query.id(), query.caller().id(), "session", query.query(), timeRange(request),
                CLIENT_APP, status, KeptResult.millisSince(started), rows);
    }

    /**
     * Cancels the user's own query with this id; false if none of theirs runs with it on the
     * workspace (it finished, or is still waiting for a place).
     */
    boolean cancel(String workspace, String queryId, Principal user) {
        return queries.running().find(workspace, queryId).filter(query -> query.caller().equals(user))
                .map(query -> query.cancellation().cancel(QueryCancellation.Reason.CANCELLED,
                        "The query was cancelled (Cancel on the Logs page of '" + user.id() + "')."))
                .isPresent();
    }

    /** As the query API answers a stopped query: 504 past its timeout, 409 when cancelled. */
    private static int cancelledStatus(QueryCancellation.Reason reason) {
        return switch (reason) {
            case TIMED_OUT -> 504;
            case CANCELLED -> 409;
            case CLIENT_DISCONNECTED -> CLIENT_CLOSED_REQUEST;
        };
    }

    private Optional<TimeRange> timeRange(QueryRequest request) {
        try {
            return request.timeRange(clock.instant());
        } catch (WorkspaceException e) {
            return Optional.empty();
        }
    }
}
