package dev.vigil.server.query;

/** No query with this id is running on the workspace: it finished, or never ran there. */
public final class QueryNotFoundException extends RuntimeException {
    public QueryNotFoundException(String workspace, String id) {
        super("No query with the id '" + id + "' is running on workspace '" + workspace + "'; it may have finished already.");
    }

    public String code() {
        return "QueryNotFound";
    }
}
