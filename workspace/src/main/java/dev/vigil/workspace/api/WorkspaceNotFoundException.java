package dev.vigil.workspace.api;

/** No workspace has this id. */
public final class WorkspaceNotFoundException extends WorkspaceException {
    public WorkspaceNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "WorkspaceNotFound";
    }
}
