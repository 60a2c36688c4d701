package dev.vigil.server.api.access;

import dev.vigil.server.access.AccessControl;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import io.javalin.http.Context;

/**
 * The check every handler makes first: does the caller hold at least this role on the scope it
 * touches? Throws 404 for a workspace or subscription the caller has no role on, 403 naming
 * the missing role otherwise. The scope is also noted for the audit trail.
 */
public final class Authorization {
    /** Where the scope a request touched is kept for the audit trail. */
    public static final String SCOPE_ATTRIBUTE = "vigil.scope";

    private Authorization() {
    }

    public static void require(Context ctx, Scope scope, Role role) {
        ctx.attribute(SCOPE_ATTRIBUTE, scope);
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
