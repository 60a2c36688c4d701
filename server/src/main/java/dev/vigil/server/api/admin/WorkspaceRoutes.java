package dev.vigil.server.api.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.RetentionPatch;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.workspace.api.LogStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** Workspaces: each caller lists those it holds a role on; Owners of {@code /} create them. */
public final class WorkspaceRoutes {
    private final LogStore logStore;

    public WorkspaceRoutes(LogStore logStore) {
        this.logStore = logStore;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/workspaces", this::list);
        routes.post("/api/workspaces", this::create);
        routes.get("/api/workspaces/{workspace}", this::get);
        routes.patch("/api/workspaces/{workspace}", this::patch);
    }

    private void get(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.READER);
        ctx.json(details(workspace));
    }

    /** Changes the workspace's retention default ({@code properties.retentionInDays}), as Log Analytics does. */
    private void patch(Context ctx) {
        String workspace = ctx.pathParam("workspace");
        Authorization.require(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
        int days = RetentionPatch.days(ctx.bodyAsClass(JsonNode.class), false);
        AuditNotes.put(ctx, "previousRetentionInDays", logStore.retentionInDays(workspace));
        AuditNotes.put(ctx, "retentionInDays", days);
        logStore.setRetentionInDays(workspace, days);
        ctx.json(details(workspace));
    }

    private Map<String, Object> details(String workspace) {
        return Map.of("id", workspace, "properties", Map.of("retentionInDays", logStore.retentionInDays(workspace)));
    }

    private void list(Context ctx) {
        var visible = logStore.workspaces().stream()
                .filter(id -> Authorization.canSee(ctx, Scope.workspace(id)))
                .map(WorkspaceJson::new)
                .toList();
        ctx.json(Map.of("workspaces", visible));
    }

    /**
     * Creates the workspace with its built-in tables: 201, or 200 if it exists already; 409 if one
     * exists whose id differs only in case, 400 for an id that is not valid (the log store's rules).
     */
    private void create(Context ctx) {
        Authorization.require(ctx, Scope.ROOT, Role.OWNER);
        WorkspaceJson body = ctx.bodyAsClass(WorkspaceJson.class);
        AuditNotes.put(ctx, "workspace", body.id());
        boolean existed = logStore.workspaces().contains(body.id());
        logStore.createWorkspace(body.id());
        ctx.header("Location", "/api/workspaces/" + body.id());
        ctx.status(existed ? 200 : 201).json(body);
    }
}
