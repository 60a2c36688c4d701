package dev.vigil.workspace.api;

/** A retention outside the days Log Analytics allows. */
public final class InvalidRetentionException extends WorkspaceException {
    public InvalidRetentionException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InvalidRetention";
    }
}
