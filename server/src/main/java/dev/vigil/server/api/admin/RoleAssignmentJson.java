package dev.vigil.server.api.admin;

import dev.vigil.server.access.RoleAssignment;
import java.time.Instant;

/** A role assignment as the API shows it. */
record RoleAssignmentJson(String id, String user, String role, String scope, Instant createdAt, String createdBy) {
    static RoleAssignmentJson of(RoleAssignment assignment) {
        return new RoleAssignmentJson(assignment.id(), assignment.principalId(), assignment.role(), assignment.scope(),
                assignment.createdAt(), assignment.createdBy());
    }
}
