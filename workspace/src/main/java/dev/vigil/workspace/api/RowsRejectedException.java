package dev.vigil.workspace.api;

import java.util.List;

/** One or more rows do not fit the table; none of the request's rows were written. */
public final class RowsRejectedException extends WorkspaceException {
    private final List<RowError> errors;
    private final int totalErrors;

    public RowsRejectedException(String table, List<RowError> errors) {
        this(table, errors, errors.size());
    }

    /**
     * @param errors the errors reported, possibly the first of many
     * @param totalErrors how many errors were found in all, at least {@code errors.size()}
     */
    public RowsRejectedException(String table, List<RowError> errors, int totalErrors) {
        super(Math.max(totalErrors, errors.size()) + " row error(s) in rows for table '" + table + "'; nothing was written");
        this.errors = List.copyOf(errors);
        this.totalErrors = Math.max(totalErrors, errors.size());
    }

    public List<RowError> errors() {
        return errors;
    }

    /** How many errors the rows have; more than {@code errors().size()} when the list was cut short. */
    public int totalErrors() {
        return totalErrors;
    }

    @Override
    public String code() {
        return "InvalidRows";
    }
}
