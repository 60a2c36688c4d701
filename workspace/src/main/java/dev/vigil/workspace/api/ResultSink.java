package dev.vigil.workspace.api;

import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Takes a query's primary result a row at a time, so that no one holds the whole of it: the HTTP
 * API writes each row to the client as it comes. An {@link IOException} (the client went away)
 * stops the query.
 */
public interface ResultSink {

    /** Called once, after the query ran and before its first row; errors before this are thrown instead. */
    void begin(List<ColumnSchema> columns, Optional<Visualization> render) throws IOException;

    /** One row, values in the form {@link ResultTable} describes. */
    void row(List<Object> values) throws IOException;
}
