package dev.vigil.server.console.logs;

import java.util.List;
import java.util.Optional;

/**
 * A page of a query's results, as the grid shows it.
 *
 * @param error why the query failed (with line and column for a query that does not compile)
 * @param totalRows the rows the query returned; {@code keptRows} of them can be paged through
 * @param previousHref the previous page, empty on the first
 * @param nextHref the next page, empty on the last
 * @param cut why the query's result was cut short at the store's result limits
 */
public record ResultGrid(Optional<String> error, List<Column> columns, List<List<Cell>> rows, long totalRows, int keptRows, int page,
        int pages, int firstRow, long elapsedMillis, Optional<String> previousHref, Optional<String> nextHref, Optional<String> render,
        Optional<String> cut) {

    public record Column(String name, String type) {
    }

    /**
     * A value as the grid shows it.
     *
     * @param dynamic a JSON value, shown folded and expanded on demand
     */
    public record Cell(String text, boolean dynamic, boolean empty) {
    }

    public static ResultGrid failed(String message, long elapsedMillis) {
        return new ResultGrid(Optional.of(message), List.of(), List.of(), 0, 0, 0, 0, 0, elapsedMillis, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
