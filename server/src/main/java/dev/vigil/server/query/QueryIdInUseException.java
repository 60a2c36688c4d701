package dev.vigil.server.query;

/** A query asked for an id ({@code x-ms-client-request-id}) that a running query has. */
public final class QueryIdInUseException extends RuntimeException {
    QueryIdInUseException(String id) {
        super("A query with the id '" + id + "' is running; send another x-ms-client-request-id, or none and Vigil makes one.");
    }

    public String code() {
        return "QueryIdInUse";
    }
}
