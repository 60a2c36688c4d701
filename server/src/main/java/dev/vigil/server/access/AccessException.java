package dev.vigil.server.access;

/** A request refused or malformed for reasons of roles and scopes, with its HTTP status and a stable code. */
public abstract sealed class AccessException extends RuntimeException
        permits AccessDeniedException, InvalidRoleAssignmentException, RoleAssignmentNotFoundException,
                LastRootOwnerException, ScopeNotFoundException {

    protected AccessException(String message) {
        super(message);
    }

    public abstract int status();

    public abstract String code();
}
