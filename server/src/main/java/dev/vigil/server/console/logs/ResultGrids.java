package dev.vigil.server.console.logs;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a kept result into one page of the grid, as a view filters and sorts it. */
final class ResultGrids {
    private ResultGrids() {
    }

    /**
     * @param baseHref the result's address; its pages, exports and chart data are under it
     */
    static ResultGrid page(KeptResult result, ResultView view, int requestedPage, int pageSize, String baseHref) {
        Optional<KeptResult.Ending> ending = result.ending();
        if (ending.flatMap(KeptResult.Ending::error).isPresent()) {
            return ResultGrid.failed(ending.get().error().get(), ending.get().elapsedMillis());
        }
        List<String> names = result.rows().tableNames();
        int shownTable = Math.min(view.table(), Math.max(0, names.size() - 1));
        ResultTable table = result.rows().table(shownTable);
        List<ColumnSchema> columns = table.columns();
        List<List<Object>> shown = view.apply(columns, table.rows());
        int pages = Math.max(1, (shown.size() + pageSize - 1) / pageSize);
        int page = Math.min(requestedPage, pages);
        int from = (page - 1) * pageSize;
        int to = Math.min(shown.size(), from + pageSize);
        List<List<ResultGrid.Cell>> rows = new ArrayList<>(to - from);
        for (List<Object> row : shown.subList(from, to)) {
            List<ResultGrid.Cell> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(cell(row.get(i), columns.get(i).type()));
            }
            rows.add(cells);
        }
        String parameters = view.parameters();
        List<ResultGrid.Column> headers = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            String sort = view.sortColumn().equals(Optional.of(i)) ? (view.descending() ? "descending" : "ascending") : "none";
            headers.add(new ResultGrid.Column(i, columns.get(i).name(), columns.get(i).type().kqlName(),
                    baseHref + "?page=1" + view.sortedBy(i).parameters(), sort));
        }
        ResultGrid.Tools tools = new ResultGrid.Tools(baseHref, view.filter(), view.filterColumn(), view.sortColumn(), view.descending(),
                withParameters(baseHref + "/export.csv", parameters), withParameters(baseHref + "/export.json", parameters),
                withParameters(baseHref + "/chart", parameters), shownTable);
        Optional<String> progress = ending.isPresent() ? Optional.empty() : Optional.of(baseHref + "/progress?page=" + page + parameters);
        List<ResultGrid.Table> tables = new ArrayList<>();
        if (names.size() > 1) {
            for (int i = 0; i < names.size(); i++) {
                tables.add(new ResultGrid.Table(names.get(i), result.rows().read(i), baseHref + "?page=1" + ResultView.ofTable(i).parameters(),
                        i == shownTable));
            }
        }
        return new ResultGrid(Optional.empty(), headers, rows, result.rows().read(shownTable), table.rows().size(), shown.size(), page, pages, from + 1,
                result.elapsedMillis(), page > 1 ? Optional.of(baseHref + "?page=" + (page - 1) + parameters) : Optional.empty(),
                page < pages ? Optional.of(baseHref + "?page=" + (page + 1) + parameters) : Optional.empty(), result.render(),
                ending.flatMap(KeptResult.Ending::cut), progress, tools, tables);
    }

    /** {@code path} with the view's parameters ({@code &a=b...}) as its query. */
    private static String withParameters(String path, String parameters) {
        return parameters.isEmpty() ? path : path + "?" + parameters.substring(1);
    }

    private static ResultGrid.Cell cell(Object value, KqlType type) {
        if (value == null) {
            return new ResultGrid.Cell("", false, true);
        }
        String text = value.toString();
        return new ResultGrid.Cell(text, type == KqlType.DYNAMIC && !text.isEmpty(), text.isEmpty());
    }
}
