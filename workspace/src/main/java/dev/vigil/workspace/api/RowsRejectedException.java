package dev.vigil.workspace.api;

import java.util.List;

/** One or more rows do not fit the table; none of the request's rows were written. */
public final class RowsRejectedException extends WorkspaceException {
    private final List<RowError> errors;

    public RowsRejectedException(String table, List<RowError> errors) {
        super(errors.size() + " row error(s) in rows for table '" + table + "'; nothing was written");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }

    @Override
    public String code() {
        return "InvalidRows";
    }
}
