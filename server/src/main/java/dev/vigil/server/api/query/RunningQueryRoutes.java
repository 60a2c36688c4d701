package dev.vigil.server.api.query;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.query.QueryNotFoundException;
import dev.vigil.server.query.RunningQueries;
import dev.vigil.server.query.RunningQuery;
import dev.vigil.workspace.api.QueryCancellation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The workspace's running queries: a Reader sees and cancels their own, an Owner everyone's. A
 * cancelled query stops in the engine at once; its own request then answers 409 {@code QueryCancelled}.
 */
public final class RunningQueryRoutes {
    public static final String PATH = "/v1/workspaces/{workspace}/queries";

    private final RunningQueries running;
    private final Clock clock;

    public RunningQueryRoutes(RunningQueries running, Clock clock) {
        this.running = running;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.delete(PATH + "/{id}", this::cancel);
    }

    private void list(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        boolean owner = Authorization.holds(ctx, Scope.workspace(workspace), Role.OWNER);
        List<RunningQueryJson> visible = running.in(workspace).stream()
                .filter(query -> owner || isCallers(ctx, query))
                .map(query -> RunningQueryJson.of(query, clock)).toList();
        ctx.json(Map.of("value", visible));
    }

    private void cancel(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        boolean owner = Authorization.holds(ctx, Scope.workspace(workspace), Role.OWNER);
        // someone else's query is reported missing to a non-owner, as a workspace they cannot see is
        RunningQuery query = running.find(workspace, ctx.pathParam("id"))
                .filter(found -> owner || isCallers(ctx, found))
                .orElseThrow(() -> new QueryNotFoundException(workspace, ctx.pathParam("id")));
        query.cancellation().cancel(QueryCancellation.Reason.CANCELLED,
                "The query was cancelled by '" + Caller.of(ctx).principal().id() + "' (DELETE " + ctx.path() + ").");
        ctx.status(202).json(RunningQueryJson.of(query, clock));
    }

    private static boolean isCallers(Context ctx, RunningQuery query) {
        return query.caller().equals(Caller.of(ctx).principal());
    }
}
