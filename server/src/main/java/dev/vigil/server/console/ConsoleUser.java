package dev.vigil.server.console;

import dev.vigil.server.access.Role;
import dev.vigil.server.access.RoleAssignment;
import dev.vigil.server.access.RoleAssignmentStore;
import dev.vigil.server.access.Scope;
import dev.vigil.server.identity.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user of a console request, with what the pages need to know about their roles.
 *
 * @param csrfToken the session's token, which the console's scripts send back on every change
 */
public record ConsoleUser(Principal principal, String csrfToken, RoleAssignmentStore assignments) {

    public String name() {
        return principal.id();
    }

    /** The role the user holds on the scope, directly or through {@code /}. */
    public Optional<Role> roleOn(Scope scope) {
        return assignments.effectiveRole(principal, scope);
    }

    public boolean canSee(Scope scope) {
        return roleOn(scope).isPresent();
    }

    /** Whether the user holds at least {@code role} on the scope, and the reason shown when not. */
    public Permit permit(Scope scope, Role role) {
        Optional<Role> held = roleOn(scope);
        if (held.isPresent() && held.get().includes(role)) {
            return Permit.ALLOWED;
        }
        return Permit.refused("Needs " + role + " on " + scope.describe() + "; you have "
                + held.map(r -> r + ".").orElse("no role there."));
    }

    /** The user's role assignments, as the user menu lists them: {@code Contributor on workspace 'default'}. */
    public List<String> roleDescriptions() {
        return assignments.listFor(principal).stream().map(ConsoleUser::describe).sorted().toList();
    }

    private static String describe(RoleAssignment assignment) {
        Scope scope = assignment.parsedScope();
        return assignment.parsedRole() + " on " + (scope instanceof Scope.Root ? "everything (/)" : scope.describe());
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + principal.id() + "]";
    }
}
