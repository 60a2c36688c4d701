package dev.vigil.server.query;

import dev.vigil.kql.TimeRange;
import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.server.identity.Principal;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryCancelledException;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.ResultSink;
import dev.vigil.workspace.api.ResultTable;
import dev.vigil.workspace.api.WorkspaceException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a whole query on someone's behalf, for the features that run queries for people besides
 * Logs (workbooks, hunting): it takes a place among the {@link InteractiveQueries} under that
 * person's name (the same per-user limit, queue and refusal as their Logs queries) and gets its
 * {@code LAQueryLogs} row, however it ends.
 */
public final class CallerQueries {
    private final InteractiveQueries queries;
    private final QueryLog log;
    private final Clock clock;

    public CallerQueries(InteractiveQueries queries, QueryLog log, Clock clock) {
        this.queries = queries;
        this.log = log;
        this.clock = clock;
    }

    /**
     * Runs the query with the store's default timeout, its result held whole (the store's result
     * limits bound it). Throws {@link QueryThrottledException} when the caller has no place in time,
     * and what the store throws for a query that does not compile or is stopped.
     *
     * @param credential the API key id, or {@code session}, for the query log
     * @param clientApp what the query log names as the client
     */
    public QueryResult run(QueryRequest asked, String workspace, Principal caller, String credential, String clientApp) {
        QueryRequest request = asked.forPrincipal(caller.id());
        RunningQuery query = new RunningQuery(UUID.randomUUID().toString(), workspace, caller, request.query(), clock.instant(), new QueryCancellation());
        Rows rows = new Rows();
        long started = System.nanoTime();
        int status = 500;
        try {
            QuerySummary summary = queries.run(query, request, queries.limits().defaultTimeout(), rows);
            status = 200;
            return new QueryResult(List.of(new ResultTable("PrimaryResult", rows.columns, rows.rows)), rows.render, summary.truncation());
        } catch (QueryThrottledException e) {
            status = 429;
            throw e;
        } catch (QueryCancelledException e) {
            status = e.reason() == QueryCancellation.Reason.TIMED_OUT ? 504 : 409;
            throw e;
        } catch (KqlQueryException e) {
            status = 400;
            throw e;
        } catch (WorkspaceException e) {
            status = 400;
            throw e;
        } catch (IOException e) {
            // the sink keeps rows in memory and does not write
            throw new IllegalStateException("the query failed: " + e.getMessage(), e);
        } finally {
            log.record(new QueryLogEntry(query.started(), workspace, query.id(), caller.id(), credential, request.query(), timeRange(request), clientApp,
                    status, (System.nanoTime() - started) / 1e6, status == 200 ? rows.rows.size() : 0));
        }
    }

    private Optional<TimeRange> timeRange(QueryRequest request) {
        try {
            return request.timeRange(clock.instant());
        } catch (WorkspaceException e) {
            return Optional.empty();
        }
    }

    /** A result held whole. */
    private static final class Rows implements ResultSink {
        private List<ColumnSchema> columns = List.of();
        private Optional<Visualization> render = Optional.empty();
        private final List<List<Object>> rows = new ArrayList<>();

        @Override
        public void begin(List<ColumnSchema> resultColumns, Optional<Visualization> resultRender) {
            columns = resultColumns;
            render = resultRender;
        }

        @Override
        public void row(List<Object> values) {
            rows.add(values);
        }
    }
}
