package dev.vigil.server.console.logs;

import java.util.List;
import java.util.Optional;

/**
 * A page of a query's results, as the grid shows it.
 *
 * @param error why the query failed (with line and column for a query that does not compile)
 * @param totalRows the rows the query returned (so far, while it runs); {@code keptRows} of them are kept
 * @param shownRows the kept rows the filter lets through, which the pages show
 * @param previousHref the previous page, empty on the first
 * @param nextHref the next page, empty on the last
 * @param cut why the query's result was cut short at the store's result limits
 * @param progressHref while the query runs: where the page asks how far it got (the answer waits a moment for it to end)
 * @param tables the query's result tables, when it gave several (the shown one is current); empty when it gave one
 */
public record ResultGrid(Optional<String> error, List<Column> columns, List<List<Cell>> rows, long totalRows, int keptRows, int shownRows,
        int page, int pages, int firstRow, long elapsedMillis, Optional<String> previousHref, Optional<String> nextHref, Optional<String> render,
        Optional<String> cut, Optional<String> progressHref, Tools tools, List<Table> tables) {

    public ResultGrid {
        tables = List.copyOf(tables);
    }

    /**
     * One of the query's result tables, as a tab above the grid.
     *
     * @param href the grid showing this table
     * @param current whether it is the one shown
     */
    public record Table(String name, long rows, String href, boolean current) {
    }

    /** The shown table's name, when the query gave several. */
    public Optional<String> currentTable() {
        return tables.stream().filter(Table::current).map(Table::name).findFirst();
    }

    /** The shown table's position among the query's tables, from 1 (1 when it gave one). */
    public int currentTableNumber() {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).current()) {
                return i + 1;
            }
        }
        return 1;
    }

    /**
     * A column's header.
     *
     * @param sortHref the page sorted by this column (again: the other way)
     * @param sort {@code ascending}, {@code descending} or {@code none}, as {@code aria-sort} says it
     */
    public record Column(int index, String name, String type, String sortHref, String sort) {
    }

    /**
     * A value as the grid shows it.
     *
     * @param dynamic a JSON value, shown folded and expanded on demand
     */
    public record Cell(String text, boolean dynamic, boolean empty) {
    }

    /**
     * What can be done with the kept rows: filter them, export them, draw them.
     *
     * @param filterHref where the filter form asks for the filtered rows (the sort carried along)
     * @param sort the sort's query parameters, kept when the filter changes
     * @param exportCsvHref the shown rows as CSV (the view's parameters carried along)
     * @param chartHref the shown rows as the chart's data (JSON)
     * @param table the shown table's position among the query's tables, kept when the filter changes
     */
    public record Tools(String filterHref, String filter, Optional<Integer> filterColumn, Optional<Integer> sortColumn, boolean descending,
            String exportCsvHref, String exportJsonHref, String chartHref, int table) {
        static final Tools NONE = new Tools("", "", Optional.empty(), Optional.empty(), false, "", "", "", 0);
    }

    public boolean running() {
        return progressHref.isPresent();
    }

    /** Whether a filter hides some kept rows. */
    public boolean filtered() {
        return !tools.filter().isEmpty();
    }

    public static ResultGrid failed(String message, long elapsedMillis) {
        return new ResultGrid(Optional.of(message), List.of(), List.of(), 0, 0, 0, 0, 0, 0, elapsedMillis, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Tools.NONE, List.of());
    }
}
