package dev.vigil.server.access;

import dev.vigil.server.identity.Principal;
import dev.vigil.workspace.api.WorkspaceNotFoundException;

/**
 * Decides whether a principal may act on a scope. A principal with no role at all on a workspace
 * or subscription is told it does not exist (404, worded exactly as for one that does not
 * exist); one with too small a role is told which role it needs (403).
 */
public final class AccessControl {
    private final RoleAssignmentStore assignments;

    public AccessControl(RoleAssignmentStore assignments) {
        this.assignments = assignments;
    }

    public RoleAssignmentStore assignments() {
        return assignments;
    }

    public void require(Principal principal, Scope scope, Role required) {
        var effective = assignments.effectiveRole(principal, scope);
        if (effective.isEmpty()) {
            throw invisible(scope, required);
        }
        if (!effective.get().includes(required)) {
            throw new AccessDeniedException("The caller '" + principal.id() + "' has " + effective.get() + " on " + scope.describe()
                    + "; this request requires " + required + " on " + scope.describe() + ".");
        }
    }

    /** Whether the principal holds at least this role on the scope (directly or through {@code /}). */
    public boolean holds(Principal principal, Scope scope, Role role) {
        return assignments.effectiveRole(principal, scope).filter(effective -> effective.includes(role)).isPresent();
    }

    /** Whether the principal holds any role on the scope (directly or through {@code /}). */
    public boolean canSee(Principal principal, Scope scope) {
        return assignments.effectiveRole(principal, scope).isPresent();
    }

    private static RuntimeException invisible(Scope scope, Role required) {
        if (scope instanceof Scope.Workspace workspace) {
            return new WorkspaceNotFoundException("there is no workspace '" + workspace.id() + "'");
        }
        if (scope instanceof Scope.Subscription subscription) {
            return new ScopeNotFoundException("there is no subscription '" + subscription.id() + "'");
        }
        return new AccessDeniedException("This request requires " + required + " on " + scope.describe() + ".");
    }
}
