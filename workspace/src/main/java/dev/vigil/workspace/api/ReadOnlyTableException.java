package dev.vigil.workspace.api;

/** Rows sent by a client to a table that Vigil alone writes ({@link TableWriter#VIGIL}). */
public final class ReadOnlyTableException extends WorkspaceException {
    public ReadOnlyTableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "ReadOnlyTable";
    }
}
