package dev.vigil.workspace.api;

/** The {@code timespan} of a query is neither an ISO 8601 duration nor an interval. */
public final class InvalidTimespanException extends WorkspaceException {
    public InvalidTimespanException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "InvalidTimespan";
    }
}
