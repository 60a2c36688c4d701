package dev.vigil.server.api.iot;

import dev.vigil.iot.registry.HubSecuritySettings;
import dev.vigil.iot.registry.InvalidResourceException;
import dev.vigil.iot.routing.HubRouting;
import dev.vigil.iot.routing.WorkspaceTableEndpoint;
import dev.vigil.server.access.Role;
import dev.vigil.server.access.Scope;
import dev.vigil.server.api.access.Authorization;
import dev.vigil.server.api.audit.AuditNotes;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.function.Predicate;

/**
 * Who may point a hub's security monitoring at a workspace. A hub that stores raw events writes
 * {@code SecurityIoTRawEvent} rows into its workspace, so a change that makes a hub write into a
 * workspace it did not write into a moment before (monitoring turned on, the workspace changed
 * while it is on, or a new hub created with it on) needs Contributor on that workspace, as Azure
 * needs write on the Log Analytics workspace; a role on the subscription alone is not enough.
 *
 * <p>A workspace named anew must exist and be visible to the caller, or the request gets 400
 * naming it: what the caller may not see does not exist for it. The audit workspace takes no
 * device data. Every change is noted for the audit trail with the old and the new target, and its
 * row also goes to both workspaces, so that their owners see a hub arrive or leave.
 */
final class HubWorkspaceLink {
    private final Predicate<String> workspaceExists;
    private final String auditWorkspace;

    HubWorkspaceLink(Predicate<String> workspaceExists, String auditWorkspace) {
        this.workspaceExists = workspaceExists;
        this.auditWorkspace = auditWorkspace;
    }

    /**
     * Checks a write of a hub's security settings; throws before anything is written.
     *
     * @param before the hub's settings now, empty when the PUT creates the hub
     */
    void authorize(Context ctx, Optional<HubSecuritySettings> before, HubSecuritySettings after) {
        // a new hub starts from the defaults: leaving them as they are links it to nothing
        HubSecuritySettings current = before.orElseGet(HubSecuritySettings::defaults);
        String target = after.workspace();
        boolean renamed = !current.workspace().equals(target);
        boolean startsWriting = after.storesRawEvents() && (renamed || !current.storesRawEvents());
        if (renamed || startsWriting) {
            requireKnown(ctx, target);
        }
        if (startsWriting) {
            Authorization.requireAlso(ctx, Scope.workspace(target), Role.CONTRIBUTOR);
        }
        AuditNotes.put(ctx, "previousWorkspace", before.map(HubSecuritySettings::workspace).orElse(""));
        AuditNotes.put(ctx, "workspace", target);
        AuditNotes.put(ctx, "previousStatus", before.map(HubSecuritySettings::status).orElse(""));
        AuditNotes.put(ctx, "status", after.status());
        before.map(HubSecuritySettings::workspace).ifPresent(previous -> AuditNotes.alsoConcerns(ctx, previous));
        AuditNotes.alsoConcerns(ctx, target);
    }

    /**
     * Checks a change of a hub's routing: every workspace its endpoints newly write into must exist, be
     * visible to the caller and not be the audit workspace, and the caller needs Contributor on it,
     * as for raw events. Noted for the audit trail, whose row also goes to those workspaces.
     */
    void authorizeRouting(Context ctx, HubRouting before, HubRouting after) {
        Set<String> previous = before.endpoints().stream().map(WorkspaceTableEndpoint::workspace).collect(Collectors.toSet());
        Set<String> targets = new TreeSet<>(after.endpoints().stream().map(WorkspaceTableEndpoint::workspace).toList());
        for (String workspace : targets) {
            if (!previous.contains(workspace)) {
                requireKnown(ctx, workspace);
                Authorization.requireAlso(ctx, Scope.workspace(workspace), Role.CONTRIBUTOR);
            }
            AuditNotes.alsoConcerns(ctx, workspace);
        }
        AuditNotes.put(ctx, "routingWorkspaces", String.join(",", targets));
        AuditNotes.put(ctx, "routes", after.routes().size());
    }

    private void requireKnown(Context ctx, String workspace) {
        if (workspace.equals(auditWorkspace)) {
            throw new InvalidResourceException("'workspace' cannot be '" + workspace + "': that workspace holds Vigil's audit trail and takes no device data");
        }
        if (!workspaceExists.test(workspace) || !Authorization.canSee(ctx, Scope.workspace(workspace))) {
            throw new InvalidResourceException("'workspace' names '" + workspace + "', which is not a workspace you hold a role on;"
                    + " name an existing workspace on which you are Contributor");
        }
    }
}
