package dev.vigil.server.access;

/** A scope or role that does not exist, or a role that cannot be granted on that kind of scope. */
public final class InvalidRoleAssignmentException extends AccessException {
    public InvalidRoleAssignmentException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String code() {
        return "BadArgumentError";
    }
}
