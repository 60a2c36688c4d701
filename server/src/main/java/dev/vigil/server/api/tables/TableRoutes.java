package dev.vigil.server.api.tables;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.RetentionPatch;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableRetention;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The table catalog of a workspace: list the tables, create custom {@code _CL} tables, read and set a table's retention. */
public final class TableRoutes {
    private final LogStore logStore;

    public TableRoutes(LogStore logStore) {
        this.logStore = logStore;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/workspaces/{workspace}/tables", this::list);
        routes.post("/api/workspaces/{workspace}/tables", this::create);
        routes.get("/api/workspaces/{workspace}/tables/{table}", this::get);
        routes.patch("/api/workspaces/{workspace}/tables/{table}", this::patch);
    }

    private void get(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        ctx.json(one(workspace, ctx.pathParam("table")));
    }

    /** Sets the table's own retention, or with -1 or null makes it follow the workspace default, as Log Analytics does. */
    private void patch(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        Integer days = RetentionPatch.days(ctx.bodyAsClass(JsonNode.class), true);
        TableRetention before = logStore.tableRetention(workspace, ctx.pathParam("table"));
        AuditNotes.put(ctx, "table", before.table());
        AuditNotes.put(ctx, "previousRetentionInDays", before.workspaceDefault() ? "workspace default" : before.retentionInDays());
        AuditNotes.put(ctx, "retentionInDays", days == null ? "workspace default" : days);
        logStore.setTableRetention(workspace, before.table(), days);
        ctx.json(one(workspace, before.table()));
    }

    private TableJson one(String workspace, String name) {
        TableInfo table = logStore.table(workspace, name);
        return TableJson.of(table, logStore.tableRetention(workspace, table.name()));
    }

    private void list(Context ctx) {
        Authorization.require(ctx, Scope.workspace(ctx.pathParam("workspace")), Role.READER);
        String workspace = ctx.pathParam("workspace");
        var tables = logStore.tables(workspace).stream().map(table -> TableJson.of(table, logStore.tableRetention(workspace, table.name()))).toList();
        ctx.json(Map.of("tables", tables));
    }

    private void create(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        TableDefinitionJson body = ctx.bodyAsClass(TableDefinitionJson.class);
        TableInfo created = logStore.createCustomTable(workspace, body.toDefinition());
        ctx.header("Location", "/api/workspaces/" + workspace + "/tables/" + created.name());
        ctx.status(201).json(TableJson.of(created, logStore.tableRetention(workspace, created.name())));
    }
}
