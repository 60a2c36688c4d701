package dev.vigil.server.api.query;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.workspace.api.LogStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Explains a query without running it: the bound plan with types and the generated SQL. Its own
 * path rather than an option of {@code /query}, so that the query endpoint always answers in the
 * Log Analytics shape.
 */
public final class ExplainRoutes {
    private static final String PATH = "/v1/workspaces/{workspace}/explain";

    private final LogStore logStore;

    public ExplainRoutes(LogStore logStore) {
        this.logStore = logStore;
    }

    public void register(RoutesConfig routes) {
        routes.post(PATH, this::explain);
    }

    private void explain(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        QueryBodyJson body = ctx.bodyAsClass(QueryBodyJson.class);
        ctx.json(ExplanationJson.of(logStore.explain(ctx.pathParam("workspace"), body.toRequest().forPrincipal(Caller.of(ctx).principal().id()))));
    }
}
