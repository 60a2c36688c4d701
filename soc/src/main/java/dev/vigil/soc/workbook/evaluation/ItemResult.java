package dev.vigil.soc.workbook.evaluation;

import dev.vigil.soc.workbook.notebook.WorkbookItem;
import dev.vigil.workspace.api.ResultTable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of an evaluated workbook.
 *
 * @param position the item's place among all the workbook's items in document order, a group's items right after it
 *     ({@link dev.vigil.soc.workbook.notebook.NotebookDocument#flattened()}), so that a partial evaluation's items find their place
 * @param depth 0 for a top-level item, 1 inside a group, and so on
 * @param message why it is hidden, unsupported or failed, or a notice about part of it
 * @param text a text item's markdown, or a query item's title, with the parameters substituted
 * @param query a query item's KQL as it ran, parameters substituted
 * @param timespan the time range that bounded the query, as the query API takes it
 */
public record ItemResult(WorkbookItem item, int position, int depth, ItemStatus status, Optional<String> message, List<ResultTable> tables, Optional<String> text,
        Optional<String> query, Optional<String> timespan) {
    public ItemResult {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(status, "status");
        tables = List.copyOf(tables);
    }

    static ItemResult of(WorkbookItem item, int position, int depth, ItemStatus status, String message) {
        return new ItemResult(item, position, depth, status, Optional.ofNullable(message), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
