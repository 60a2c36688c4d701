package dev.vigil.workspace.api;

import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Takes a query's result tables a row at a time, so that no one holds the whole of them: the HTTP
 * API writes each row to the client as it comes. An {@link IOException} (the client went away)
 * stops the query. A query of several tabular statements, or ending in {@code fork} or {@code facet}, gives several tables; a sink
 * takes only the first (the store then runs no other) unless it {@linkplain #takesEveryTable() takes every table}.
 */
public interface ResultSink {

    /** Called once, after the query ran and before its first row; errors before this are thrown instead. */
    void begin(List<ColumnSchema> columns, Optional<Visualization> render) throws IOException;

    /**
     * Called before each table's rows, in order, with the table's name ({@code PrimaryResult} for a query's only result);
     * {@code render} is the same for every table. Sinks that take one table leave it to {@link #begin(List, Optional)}.
     */
    default void begin(String table, List<ColumnSchema> columns, Optional<Visualization> render) throws IOException {
        begin(columns, render);
    }

    /** Whether this sink is given every result table of a query rather than only the first. */
    default boolean takesEveryTable() {
        return false;
    }

    /** One row, values in the form {@link ResultTable} describes. */
    void row(List<Object> values) throws IOException;
}
