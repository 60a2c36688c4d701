package dev.vigil.workspace.api;

/** No table of the workspace has this name. */
public final class TableNotFoundException extends WorkspaceException {
    public TableNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "TableNotFound";
    }
}
