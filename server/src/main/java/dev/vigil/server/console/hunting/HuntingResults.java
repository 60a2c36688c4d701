package dev.vigil.server.console.hunting;

import dev.vigil.server.console.Permit;
import java.util.List;
import java.util.Optional;

/**
 * A hunting query's run, as its results grid shows it: each row can be chosen for a bookmark.
 *
 * @param error why the run failed, when it did
 * @param window the run's time range as shown ({@code 2026-12-07 09:00:00 – 2026-12-07 10:00:00})
 * @param cut why not every row is shown
 * @param bookmarkPermit whether the user may bookmark rows (Responder), and why not
 */
public record HuntingResults(Optional<String> error, String queryId, String queryName, String start, String end, String window, List<Column> columns,
        List<Row> rows, Optional<String> cut, Permit bookmarkPermit, String bookmarkHref) {

    public record Column(String name, String type) {
    }

    /**
     * A result row.
     *
     * @param json the row as a JSON object of column name to value: what a bookmark keeps
     */
    public record Row(int index, List<Cell> cells, String json) {
    }

    /** A value as the grid shows it, a JSON value folded, as the Logs grid does. */
    public record Cell(String text, boolean dynamic, boolean empty) {
    }

    public HuntingResults {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static HuntingResults failed(String queryId, String queryName, String message) {
        return new HuntingResults(Optional.of(message), queryId, queryName, "", "", "", List.of(), List.of(), Optional.empty(), Permit.ALLOWED, "");
    }
}
