package dev.vigil.server.api.tables;

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
        var tables = logStore.tables(ctx.pathParam("workspace")).stream().map(TableJson::of).toList();
        ctx.json(Map.of("tables", tables));
    }

    private void create(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        TableDefinitionJson body = ctx.bodyAsClass(TableDefinitionJson.class);
        TableInfo created = logStore.createCustomTable(workspace, body.toDefinition());
        ctx.header("Location", "/api/workspaces/" + workspace + "/tables/" + created.name());
        ctx.status(201).json(TableJson.of(created));
    }
}
