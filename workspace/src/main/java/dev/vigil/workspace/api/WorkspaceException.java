package dev.vigil.workspace.api;

/**
 * A request the workspace cannot carry out, with a stable code that the HTTP layer maps to a
 * status and puts in the error body.
 */
public abstract sealed class WorkspaceException extends RuntimeException
        permits WorkspaceNotFoundException, TableNotFoundException, TableDefinitionException,
                RowsRejectedException, IngestQueueFullException, KqlQueryException,
                InvalidTimespanException, QueryExecutionException, IngestCommitFailedException,
                FunctionNotFoundException, FunctionDefinitionException, ReadOnlyTableException,
                WorkspaceConflictException, InvalidWorkspaceIdException, QueryCancelledException, InvalidRetentionException {

    protected WorkspaceException(String message) {
        super(message);
    }

    protected WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A code such as {@code WorkspaceNotFound} or {@code BadArgumentError}. */
    public abstract String code();
}
