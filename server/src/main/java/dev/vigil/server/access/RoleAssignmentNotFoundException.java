package dev.vigil.server.access;

/** No role assignment has this id (or the caller may not see it). */
public final class RoleAssignmentNotFoundException extends AccessException {
    public RoleAssignmentNotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String code() {
        return "RoleAssignmentNotFound";
    }
}
