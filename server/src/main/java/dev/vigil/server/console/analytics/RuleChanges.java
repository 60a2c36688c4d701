package dev.vigil.server.console.analytics;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import dev.vigil.server.console.ConsoleRequest;
import dev.vigil.server.console.Permit;

/** Who may change a workspace's rules (Contributor, as in the API), checked before every change with the API's own check. */
final class RuleChanges {
    private RuleChanges() {
    }

    static Permit permit(ConsoleRequest request, String workspace) {
        return request.user().permit(Scope.workspace(workspace), Role.CONTRIBUTOR);
    }

    /** The API's check, and the rule named in the audit record; call after {@link #permit} allowed the change. */
    static void require(ConsoleRequest request, String workspace, String ruleId) {
        Authorization.require(request.ctx(), Scope.workspace(workspace), Role.CONTRIBUTOR);
        AuditNotes.put(request.ctx(), "rule", ruleId);
    }
}
