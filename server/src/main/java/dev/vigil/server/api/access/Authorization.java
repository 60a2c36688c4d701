package dev.vigil.server.api.access;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.access.ScopeNotFoundException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import io.javalin.http.Context;

/**
 * The check every handler makes first: does the caller hold at least this role on the scope it
 * touches? Throws 404 for a workspace or subscription the caller has no role on, 403 naming
 * the missing role otherwise. The scope is also noted for the audit trail.
 */
public final class Authorization {
    /** Where the scope a request touched is kept for the audit trail. */
    public static final String SCOPE_ATTRIBUTE = "vigil.scope";
    /** Set when the request was answered "not found" because the caller holds no role on the scope, not because it is missing. */
    public static final String HIDDEN_ATTRIBUTE = "vigil.scopeHidden";

    private Authorization() {
    }

    public static void require(Context ctx, Scope scope, Role role) {
        ctx.attribute(SCOPE_ATTRIBUTE, scope);
        try {
            access(ctx).require(Caller.of(ctx).principal(), scope, role);
        } catch (WorkspaceNotFoundException | ScopeNotFoundException e) {
            // the caller is told "not found", the audit trail that it was refused
            ctx.attribute(HIDDEN_ATTRIBUTE, Boolean.TRUE);
            throw e;
        }
    }

    /** The request's {@code {workspace}} path parameter, once {@link #require} passed for the role on that workspace. */
    public static String requireWorkspace(Context ctx, Role role) {
        String workspace = ctx.pathParam("workspace");
        require(ctx, Scope.workspace(workspace), role);
        return workspace;
    }

    /**
     * The same check on a second scope the request touches, e.g. the workspace a hub is pointed
     * at; the request's own scope (the one its audit row names) stays as it is.
     */
    public static void requireAlso(Context ctx, Scope scope, Role role) {
        access(ctx).require(Caller.of(ctx).principal(), scope, role);
    }

    /** Whether the caller holds at least this role on the scope; checks without refusing. */
    public static boolean holds(Context ctx, Scope scope, Role role) {
        return access(ctx).holds(Caller.of(ctx).principal(), scope, role);
    }

    /** Whether the caller holds any role on the scope. */
    public static boolean canSee(Context ctx, Scope scope) {
        return access(ctx).canSee(Caller.of(ctx).principal(), scope);
    }

    private static AccessControl access(Context ctx) {
        return ctx.attribute(RequestAuthentication.ACCESS_ATTRIBUTE);
    }
}
