package dev.vigil.server.api.admin;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.RoleAssignment;
import dev.vigil.server.access.RoleAssignmentNotFoundException;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.access.Caller;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.identity.User;
import dev.vigil.server.identity.UserStore;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Role assignments. Granting or revoking a role on a scope needs Owner on that scope; anyone sees
 * the assignments on the scopes they hold a role on, and their own.
 */
public final class RoleAssignmentRoutes {
    public static final String PATH = "/api/roleAssignments";

    private final AccessControl access;
    private final UserStore users;
    private final LogStore logStore;

    public RoleAssignmentRoutes(AccessControl access, UserStore users, LogStore logStore) {
        this.access = access;
        this.users = users;
        this.logStore = logStore;
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.post(PATH, this::grant);
        routes.delete(PATH + "/{id}", this::revoke);
    }

    /** Optional filters: {@code ?scope=/workspaces/default}, {@code ?user=alice}. */
    private void list(Context ctx) {
        Caller caller = Caller.of(ctx);
        String scope = ctx.queryParam("scope");
        String user = ctx.queryParam("user");
        var visible = access.assignments().list().stream()
                .filter(a -> a.principalId().equals(caller.principal().id()) || Authorization.canSee(ctx, a.parsedScope()))
                .filter(a -> scope == null || a.scope().equals(Scope.parse(scope).path()))
                .filter(a -> user == null || a.principalId().equals(user))
                .map(RoleAssignmentJson::of)
                .toList();
        ctx.json(Map.of("roleAssignments", visible));
    }

    private void grant(Context ctx) {
        NewRoleAssignmentJson body = ctx.bodyAsClass(NewRoleAssignmentJson.class).validated();
        Scope scope = Scope.parse(body.scope());
        Role role = Role.named(body.role());
        AuditNotes.put(ctx, "user", body.user());
        AuditNotes.put(ctx, "role", role.displayName());
        Authorization.require(ctx, scope, Role.OWNER);
        if (scope instanceof Scope.Workspace workspace && !logStore.workspaces().contains(workspace.id())) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspace.id() + "'");
        }
        User user = users.require(body.user());
        RoleAssignment assignment = access.assignments().grant(user.principal(), role, scope, Caller.of(ctx).principal());
        AuditNotes.put(ctx, "roleAssignmentId", assignment.id());
        ctx.header("Location", PATH + "/" + assignment.id());
        ctx.status(201).json(RoleAssignmentJson.of(assignment));
    }

    private void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        RoleAssignment assignment = access.assignments().find(id)
                .filter(a -> Authorization.canSee(ctx, a.parsedScope()))
                .orElseThrow(() -> new RoleAssignmentNotFoundException("there is no role assignment '" + id + "'"));
        AuditNotes.put(ctx, "user", assignment.principalId());
        AuditNotes.put(ctx, "role", assignment.role());
        AuditNotes.put(ctx, "roleAssignmentId", id);
        Authorization.require(ctx, assignment.parsedScope(), Role.OWNER);
        access.assignments().revoke(id);
        ctx.json(RoleAssignmentJson.of(assignment));
    }
}
