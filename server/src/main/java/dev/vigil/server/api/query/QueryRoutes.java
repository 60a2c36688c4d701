package dev.vigil.server.api.query;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryResult;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The Log Analytics query API: KQL in, tables out. */
public final class QueryRoutes {
    private static final String PATH = "/v1/workspaces/{workspace}/query";

    private final LogStore logStore;

    public QueryRoutes(LogStore logStore) {
        this.logStore = logStore;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::queryFromBody);
        routes.get(PATH, this::queryFromParameters);
    }

    private void queryFromBody(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        QueryBodyJson body = ctx.bodyAsClass(QueryBodyJson.class);
        QueryResult result = logStore.query(ctx.pathParam("workspace"), body.toRequest());
        ctx.json(QueryResultJson.of(result));
    }

    private void queryFromParameters(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        QueryBodyJson parameters = new QueryBodyJson(ctx.queryParam("query"), ctx.queryParam("timespan"));
        QueryResult result = logStore.query(ctx.pathParam("workspace"), parameters.toRequest());
        ctx.json(QueryResultJson.of(result));
    }
}
