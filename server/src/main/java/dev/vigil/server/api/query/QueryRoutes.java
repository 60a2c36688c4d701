package dev.vigil.server.api.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.TimeRange;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.InvalidRequestException;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.query.InteractiveQueries;
import dev.vigil.server.query.RunningQuery;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryCancelledException;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.WorkspaceException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Log Analytics query API: KQL in, tables out, streamed. Each query gets an id
 * ({@code x-ms-request-id}; the caller may choose it with {@code x-ms-client-request-id}), a
 * timeout ({@code Prefer: wait=N}), a place among the queries that may run at once, and is
 * cancelled if its client hangs up.
 */
public final class QueryRoutes {
    public static final String PATH = "/v1/workspaces/{workspace}/query";
    static final String QUERY_ID_HEADER = "x-ms-request-id";
    static final String CLIENT_QUERY_ID_HEADER = "x-ms-client-request-id";
    private static final Pattern QUERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger LOG = LoggerFactory.getLogger(QueryRoutes.class);

    private final InteractiveQueries queries;
    private final ObjectMapper mapper;
    private final Clock clock;

    public QueryRoutes(InteractiveQueries queries, ObjectMapper mapper, Clock clock) {
        this.queries = queries;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, ctx -> run(ctx, ctx.bodyAsClass(QueryBodyJson.class)));
        routes.get(PATH, ctx -> run(ctx, new QueryBodyJson(ctx.queryParam("query"), ctx.queryParam("timespan"))));
    }

    private void run(Context ctx, QueryBodyJson body) throws IOException {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        Caller caller = Caller.of(ctx);
        QueryRequest request = body.toRequest().forPrincipal(caller.principal().id());
        RunningQuery query = new RunningQuery(queryId(ctx), workspace, caller.principal(), request.query(), clock.instant(), new QueryCancellation());
        ctx.header(QUERY_ID_HEADER, query.id());
        QueryLogNote note = QueryLogNote.attach(ctx, query, timeRange(request), caller.credential());
        Optional<Duration> asked = PreferWait.requested(ctx.header(PreferWait.HEADER));
        Duration timeout = asked.map(queries.limits()::timeout).orElse(queries.limits().defaultTimeout());
        asked.ifPresent(wait -> ctx.header("Preference-Applied", "wait=" + timeout.toSeconds()));
        note.rows = stream(ctx, query, request, timeout);
    }

    /** Runs the query with its answer written as the rows come; the rows written. */
    private long stream(Context ctx, RunningQuery query, QueryRequest request, Duration timeout) throws IOException {
        QueryResponseWriter writer = new QueryResponseWriter(ctx, mapper, query.cancellation());
        try (ClientHangUp hangUp = ClientHangUp.watch(ctx, () -> query.cancellation().cancel(QueryCancellation.Reason.CLIENT_DISCONNECTED,
                "The client closed the connection before the answer was complete."))) {
            QuerySummary summary = queries.run(query, request, timeout, writer);
            writer.finish(summary);
            return summary.rows();
        } catch (QueryCancelledException e) {
            if (e.reason() != QueryCancellation.Reason.CLIENT_DISCONNECTED) {
                failAfterBeginning(writer, e);
            }
        } catch (QueryExecutionException e) {
            failAfterBeginning(writer, e);
        } catch (IOException e) {
            // the client is gone: nobody to answer
            LOG.debug("query {} stopped, its client went away: {}", query.id(), e.getMessage());
        }
        return writer.rows();
    }

    /** Before the first row the error gets its own status; after it, the answer ends with a partial error. */
    private static void failAfterBeginning(QueryResponseWriter writer, WorkspaceException error) throws IOException {
        if (!writer.begun()) {
            throw error;
        }
        writer.fail(error);
    }

    private static String queryId(Context ctx) {
        String chosen = ctx.header(CLIENT_QUERY_ID_HEADER);
        if (chosen == null || chosen.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!QUERY_ID.matcher(chosen).matches()) {
            throw new InvalidRequestException("The x-ms-client-request-id header must be 1 to 100 letters, digits, '.', '_', ':' or '-', such as a GUID.");
        }
        return chosen;
    }

    /** The request's time range for the query log; a timespan that does not parse is refused by the query itself. */
    private Optional<TimeRange> timeRange(QueryRequest request) {
        try {
            return request.timeRange(clock.instant());
        } catch (WorkspaceException e) {
            return Optional.empty();
        }
    }
}
