package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Type 1: markdown text ({@code content.json}), in which parameters are substituted. */
public record TextItem(String name, String markdown, List<VisibilityCondition> visibility, ItemLayout layout, JsonNode json) implements WorkbookItem {
    public TextItem {
        visibility = List.copyOf(visibility);
    }

    @Override
    public int type() {
        return 1;
    }
}
