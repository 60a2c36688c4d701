package dev.vigil.server.console.logs;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns a kept result into one page of the grid. */
final class ResultGrids {
    private ResultGrids() {
    }

    static ResultGrid page(QueryResults.Kept kept, int requestedPage, int pageSize, String baseHref) {
        List<ColumnSchema> columns = kept.table().columns();
        int keptRows = kept.table().rows().size();
        int pages = Math.max(1, (keptRows + pageSize - 1) / pageSize);
        int page = Math.min(requestedPage, pages);
        int from = (page - 1) * pageSize;
        int to = Math.min(keptRows, from + pageSize);
        List<List<ResultGrid.Cell>> rows = new ArrayList<>(to - from);
        for (List<Object> row : kept.table().rows().subList(from, to)) {
            List<ResultGrid.Cell> cells = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(cell(row.get(i), columns.get(i).type()));
            }
            rows.add(cells);
        }
        return new ResultGrid(Optional.empty(), columns.stream().map(c -> new ResultGrid.Column(c.name(), c.type().kqlName())).toList(), rows,
                kept.totalRows(), keptRows, page, pages, from + 1, kept.elapsedMillis(),
                page > 1 ? Optional.of(baseHref + "?page=" + (page - 1)) : Optional.empty(),
                page < pages ? Optional.of(baseHref + "?page=" + (page + 1)) : Optional.empty(), kept.render(), kept.cut());
    }

    private static ResultGrid.Cell cell(Object value, KqlType type) {
        if (value == null) {
            return new ResultGrid.Cell("", false, true);
        }
        String text = value.toString();
        return new ResultGrid.Cell(text, type == KqlType.DYNAMIC && !text.isEmpty(), text.isEmpty());
    }
}
