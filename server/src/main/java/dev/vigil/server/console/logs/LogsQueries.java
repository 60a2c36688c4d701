package dev.vigil.server.console.logs;

import dev.vigil.kql.TimeRange;
import dev.vigil.kql.Visualization;
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
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Logs page's queries, governed as the query API's are: each takes a place among the
 * {@link InteractiveQueries} (the same limits per user and in all, the same queue and refusal),
 * is listed among the running queries under the id the page chose, so that its Cancel button
 * stops it in the engine, is cancelled when the browser hangs up, and gets its {@code LAQueryLogs}
 * row with {@value #CLIENT_APP} as the client. Of its rows only the first
 * {@link QueryResults#MAX_ROWS} are kept, as they are read.
 */
final class LogsQueries {
    static final String CLIENT_APP = "Vigil console";
    /** What the page's script sends as the query's id; without one (no script), the server makes one. */
    private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    /** The status the query API would have answered for a client that hung up, as {@code LAQueryLogs} records it. */
    private static final int CLIENT_CLOSED_REQUEST = 499;

    private final InteractiveQueries queries;
    private final QueryLog log;
    private final QueryResults results;
    private final Clock clock;

    LogsQueries(InteractiveQueries queries, QueryLog log, QueryResults results, Clock clock) {
        this.queries = queries;
        this.log = log;
        this.results = results;
        this.clock = clock;
    }

    /** Runs the query for the page's user and answers the first page of its results, or why it has none. */
    ResultGrid run(ConsoleRequest request, String workspace, String queryId, QueryRequest queryRequest, String resultsHref) {
        Principal user = request.user().principal();
        RunningQuery query = new RunningQuery(QUERY_ID.matcher(queryId).matches() ? queryId : UUID.randomUUID().toString(), workspace, user,
                queryRequest.query(), clock.instant(), new QueryCancellation());
        long started = System.nanoTime();
        KeptRows kept = new KeptRows(QueryResults.MAX_ROWS);
        Outcome outcome;
        try (ClientHangUp hangUp = ClientHangUp.watch(request.ctx(), () -> query.cancellation().cancel(QueryCancellation.Reason.CLIENT_DISCONNECTED,
                "The browser closed the connection before the results came."))) {
            QuerySummary summary = queries.run(query, queryRequest, queries.limits().defaultTimeout(), kept);
            String id = results.keep(user.id(), workspace, kept.table(), summary.rows(), millisSince(started), kept.render().map(Visualization::kind),
                    summary.truncation().map(ResultTruncation::message));
            outcome = new Outcome(200, summary.rows(),
                    ResultGrids.page(results.find(id, user.id(), workspace).orElseThrow(), 1, LogsPages.PAGE_SIZE, resultsHref + id));
        } catch (QueryThrottledException e) {
            outcome = Outcome.failed(429, e.getMessage(), started);
        } catch (QueryIdInUseException e) {
            outcome = Outcome.failed(409, "This query is running already; wait for its results or cancel it.", started);
        } catch (QueryCancelledException e) {
            outcome = Outcome.failed(cancelledStatus(e.reason()), e.getMessage(), started);
        } catch (KqlQueryException e) {
            outcome = Outcome.failed(400, e.getMessage(), started);
        } catch (WorkspaceException e) {
            // the store's messages name what failed ("the query failed while running: ..."); the page shows them as a sentence
            outcome = Outcome.failed(400, Character.toUpperCase(e.getMessage().charAt(0)) + e.getMessage().substring(1), started);
        } catch (IOException e) {
            // the sink keeps rows in memory and does not write: nothing here does I/O that can fail
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // the page answers with the console's error; the query log still has its row, as the API's 500s do
            log.record(entry(query, queryRequest, 500, started, 0));
            throw e;
        }
        log.record(entry(query, queryRequest, outcome.status(), started, outcome.rows()));
        return outcome.grid();
    }

    private QueryLogEntry entry(RunningQuery query, QueryRequest request, int status, long started, long rows) {
        return new QueryLogEntry(query.started(), query.workspace(), query.id(), query.caller().id(), "session", query.query(), timeRange(request),
                CLIENT_APP, status, millisSince(started), rows);
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

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** How a query ended: the status {@code LAQueryLogs} records, the rows it returned, and what the page shows. */
    private record Outcome(int status, long rows, ResultGrid grid) {
        static Outcome failed(int status, String message, long started) {
            return new Outcome(status, 0, ResultGrid.failed(message, millisSince(started)));
        }
    }
}
