package dev.vigil.workspace.api;

/** No stored function of the workspace has this name. */
public final class FunctionNotFoundException extends WorkspaceException {
    public FunctionNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "FunctionNotFound";
    }
}
