package dev.vigil.server.access;

import java.util.List;

/**
 * The roles, each including everything the roles below it may do. Which roles exist depends on the
 * kind of scope (see {@link #grantableOn(Scope)}):
 * <ul>
 *   <li>workspace: Reader (query, read incidents), Responder (+ change incidents, run playbooks),
 *       Contributor (+ tables, ingestion, rules, connectors' workspace side), Owner (+ role assignments);</li>
 *   <li>subscription: Reader, Contributor (hubs, devices, security settings, connecting to a workspace), Owner;</li>
 *   <li>root {@code /}: Owner only — users, workspaces, metrics, and Owner on everything below.</li>
 * </ul>
 */
public enum Role {
    READER("Reader"),
    RESPONDER("Responder"),
    CONTRIBUTOR("Contributor"),
    OWNER("Owner");

    private final String displayName;

    Role(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The roles that can be granted on this kind of scope. */
    public static List<Role> grantableOn(Scope scope) {
        if (scope instanceof Scope.Workspace) {
            return List.of(READER, RESPONDER, CONTRIBUTOR, OWNER);
        }
        if (scope instanceof Scope.Subscription) {
            return List.of(READER, CONTRIBUTOR, OWNER);
        }
        return List.of(OWNER);
    }

    /** The role with this name, case-insensitive, e.g. {@code Contributor}. */
    public static Role named(String name) {
        for (Role role : values()) {
            if (role.displayName.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return role;
            }
        }
        throw new InvalidRoleAssignmentException("there is no role '" + name + "'; roles are Reader, Responder, Contributor and Owner");
    }

    @Override
    public String toString() {
        return displayName;
    }

}
