package dev.vigil.workspace.api;

/** A new workspace whose id differs only in case from an existing one's; ids are unique regardless of case. */
public final class WorkspaceConflictException extends WorkspaceException {
    private final String existingWorkspace;

    public WorkspaceConflictException(String requested, String existingWorkspace) {
        super("workspace '" + requested + "' cannot be created: workspace '" + existingWorkspace
                + "' exists, and workspace ids are unique regardless of case");
        this.existingWorkspace = existingWorkspace;
    }

    /** The id of the workspace that is already there. */
    public String existingWorkspace() {
        return existingWorkspace;
    }

    @Override
    public String code() {
        return "WorkspaceIdConflict";
    }
}
