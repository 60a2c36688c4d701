package dev.vigil.server.api.functions;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.SavedFunction;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** A workspace's stored functions (Sentinel's parsers): list, read, save (create or replace), delete. */
public final class FunctionRoutes {
    private static final String FUNCTIONS = "/api/workspaces/{workspace}/functions";
    private static final String FUNCTION = FUNCTIONS + "/{name}";

    private final LogStore logStore;

    public FunctionRoutes(LogStore logStore) {
        this.logStore = logStore;
    }

    public void register(RoutesConfig routes) {
        routes.get(FUNCTIONS, this::list);
        routes.get(FUNCTION, this::read);
        routes.put(FUNCTION, this::save);
        routes.delete(FUNCTION, this::delete);
    }

    private void list(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        var functions = logStore.functions(ctx.pathParam("workspace")).stream().map(FunctionJson::of).toList();
        ctx.json(Map.of("functions", functions));
    }

    private void read(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        ctx.json(FunctionJson.of(logStore.function(ctx.pathParam("workspace"), ctx.pathParam("name"))));
    }

    private void save(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        FunctionBodyJson body = ctx.bodyAsClass(FunctionBodyJson.class);
        SavedFunction saved = logStore.saveFunction(workspace, body.toDefinition(ctx.pathParam("name")));
        if (saved.created()) {
            ctx.header("Location", "/api/workspaces/" + workspace + "/functions/" + saved.function().name());
        }
        ctx.status(saved.created() ? 201 : 200).json(FunctionJson.of(saved.function()));
    }

    private void delete(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.CONTRIBUTOR);
        logStore.deleteFunction(ctx.pathParam("workspace"), ctx.pathParam("name"));
        ctx.status(204);
    }
}
