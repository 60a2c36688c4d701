package dev.vigil.server.api.tables;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.TableInfo;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The table catalog of a workspace: list the tables, create custom {@code _CL} tables. */
public final class TableRoutes {
    private final LogStore logStore;

    public TableRoutes(LogStore logStore) {
        this.logStore = logStore;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/workspaces/{workspace}/tables", this::list);
        routes.post("/api/workspaces/{workspace}/tables", this::create);
    }

    private void list(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        var tables = logStore.tables(ctx.pathParam("workspace")).stream().map(TableJson::of).toList();
        ctx.json(Map.of("tables", tables));
    }

    private void create(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        TableDefinitionJson body = ctx.bodyAsClass(TableDefinitionJson.class);
        TableInfo created = logStore.createCustomTable(workspace, body.toDefinition());
        ctx.header("Location", "/api/workspaces/" + workspace + "/tables/" + created.name());
        ctx.status(201).json(TableJson.of(created));
    }
}
