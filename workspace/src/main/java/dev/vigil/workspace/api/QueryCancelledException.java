package dev.vigil.workspace.api;

/** The query was stopped before it finished: cancelled, its client gone, or its timeout passed. */
public final class QueryCancelledException extends WorkspaceException {
    private final QueryCancellation.Reason reason;

    public QueryCancelledException(QueryCancellation.Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public QueryCancellation.Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return reason == QueryCancellation.Reason.TIMED_OUT ? "GatewayTimeout" : "QueryCancelled";
    }
}
