package dev.vigil.workspace.api;

/** A workspace id that breaks the rules for ids. */
public final class InvalidWorkspaceIdException extends WorkspaceException {
    public InvalidWorkspaceIdException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InvalidWorkspaceId";
    }
}
