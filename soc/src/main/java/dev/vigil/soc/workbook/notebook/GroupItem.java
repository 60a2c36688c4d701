package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Type 12: a group of items, shown or hidden together. */
public record GroupItem(String name, String title, List<WorkbookItem> items, List<VisibilityCondition> visibility, ItemLayout layout,
        JsonNode json) implements WorkbookItem {
    public GroupItem {
        items = List.copyOf(items);
        visibility = List.copyOf(visibility);
    }

    @Override
    public int type() {
        return 12;
    }
}
