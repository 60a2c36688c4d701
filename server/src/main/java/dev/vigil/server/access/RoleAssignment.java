package dev.vigil.server.access;

import java.time.Instant;

/**
 * A grant of one role on one scope to one user, as stored.
 *
 * @param scope the scope's path, e.g. {@code /workspaces/default}
 * @param role the role's name, e.g. {@code Contributor}
 * @param createdBy the user who granted it
 */
public record RoleAssignment(String id, String principalId, String scope, String role, Instant createdAt, String createdBy) {

    public Scope parsedScope() {
        return Scope.parse(scope);
    }

    public Role parsedRole() {
        return Role.named(role);
    }
}
