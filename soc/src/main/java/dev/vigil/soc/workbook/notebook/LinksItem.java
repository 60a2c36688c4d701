package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Type 11: links, drawn as tabs when {@code style} is {@code tabs}; a link with target {@code parameter} sets one. */
public record LinksItem(String name, String style, List<WorkbookLink> links, List<VisibilityCondition> visibility, ItemLayout layout,
        JsonNode json) implements WorkbookItem {
    public LinksItem {
        links = List.copyOf(links);
        visibility = List.copyOf(visibility);
    }

    @Override
    public int type() {
        return 11;
    }

    public boolean tabs() {
        return style.equals("tabs");
    }
}
