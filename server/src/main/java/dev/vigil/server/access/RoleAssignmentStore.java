package dev.vigil.server.access;

import dev.vigil.server.identity.Principal;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.StateStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Role assignments, kept in the state store and in memory: every request asks for the caller's
 * roles, and assignments change only through this store.
 */
public final class RoleAssignmentStore {
    static final String COLLECTION = "roleAssignments";

    private final DocumentCollection<RoleAssignment> stored;
    private final Clock clock;
    private volatile List<RoleAssignment> all;

    public RoleAssignmentStore(StateStore state, Clock clock) {
        this.stored = state.collection(COLLECTION, RoleAssignment.class);
        this.clock = clock;
        this.all = sorted(stored.list());
    }

    public List<RoleAssignment> list() {
        return all;
    }

    public List<RoleAssignment> listFor(Principal principal) {
        return all.stream().filter(a -> a.principalId().equals(principal.id())).toList();
    }

    public Optional<RoleAssignment> find(String id) {
        return all.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /**
     * The highest role the principal holds on the scope, directly or through {@code /}. Roles on
     * a workspace say nothing about a subscription and the other way round.
     */
    public Optional<Role> effectiveRole(Principal principal, Scope scope) {
        return all.stream()
                .filter(a -> a.principalId().equals(principal.id()))
                .filter(a -> a.scope().equals(scope.path()) || a.scope().equals(Scope.ROOT.path()))
                .map(RoleAssignment::parsedRole)
                .max(Comparator.naturalOrder());
    }

    /** Grants the role; granting what is already granted returns the existing assignment. */
    public synchronized RoleAssignment grant(Principal principal, Role role, Scope scope, Principal grantedBy) {
        if (!Role.grantableOn(scope).contains(role)) {
            throw new InvalidRoleAssignmentException("role " + role + " cannot be granted on " + scope.describe()
                    + "; the roles there are " + Role.grantableOn(scope));
        }
        Optional<RoleAssignment> existing = all.stream()
                .filter(a -> a.principalId().equals(principal.id()) && a.scope().equals(scope.path()) && a.role().equals(role.displayName()))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        RoleAssignment assignment = new RoleAssignment(UUID.randomUUID().toString(), principal.id(), scope.path(), role.displayName(),
                clock.instant(), grantedBy.id());
        stored.put(assignment.id(), assignment);
        all = sorted(stored.list());
        return assignment;
    }

    /** Removes the assignment; refuses to remove the last Owner on {@code /}. */
    public synchronized RoleAssignment revoke(String id) {
        RoleAssignment assignment = find(id).orElseThrow(() -> new RoleAssignmentNotFoundException("there is no role assignment '" + id + "'"));
        if (isRootOwner(assignment) && all.stream().filter(RoleAssignmentStore::isRootOwner).count() == 1) {
            throw new LastRootOwnerException("role assignment '" + id + "' is the last Owner on '/'; grant Owner on '/' to another user first");
        }
        stored.delete(id);
        all = sorted(stored.list());
        return assignment;
    }

    /** Removes every assignment of the principal, e.g. when the user is deleted; refuses if that removes the last root Owner. */
    public synchronized List<RoleAssignment> revokeAll(Principal principal) {
        List<RoleAssignment> theirs = listFor(principal);
        long otherRootOwners = all.stream().filter(RoleAssignmentStore::isRootOwner).filter(a -> !a.principalId().equals(principal.id())).count();
        if (otherRootOwners == 0 && theirs.stream().anyMatch(RoleAssignmentStore::isRootOwner)) {
            throw new LastRootOwnerException("user '" + principal.id() + "' is the last Owner on '/'; grant Owner on '/' to another user first");
        }
        theirs.forEach(a -> stored.delete(a.id()));
        all = sorted(stored.list());
        return theirs;
    }

    private static boolean isRootOwner(RoleAssignment assignment) {
        return assignment.scope().equals(Scope.ROOT.path()) && assignment.role().equals(Role.OWNER.displayName());
    }

    private static List<RoleAssignment> sorted(List<RoleAssignment> assignments) {
        return assignments.stream()
                .sorted(Comparator.comparing(RoleAssignment::scope).thenComparing(RoleAssignment::principalId).thenComparing(RoleAssignment::role))
                .toList();
    }
}
