package dev.vigil.workspace.api;

/** A query compiled but failed while running, e.g. a value that does not convert. */
public final class QueryExecutionException extends WorkspaceException {
    public QueryExecutionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "QueryExecutionFailed";
    }
}
