package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A workbook's {@code Notebook/1.0} document.
 *
 * @param json the document exactly as given, so that it saves and exports unchanged
 * @param items its top-level items in order
 */
public record NotebookDocument(JsonNode json, List<WorkbookItem> items) {
    public static final String VERSION = "Notebook/1.0";

    public NotebookDocument {
        Objects.requireNonNull(json, "json");
        items = List.copyOf(items);
    }

    /** Every item in document order, a group's items right after the group. */
    public List<WorkbookItem> flattened() {
        List<WorkbookItem> all = new ArrayList<>();
        flatten(items, all);
        return all;
    }

    private static void flatten(List<WorkbookItem> items, List<WorkbookItem> into) {
        for (WorkbookItem item : items) {
            into.add(item);
            if (item instanceof GroupItem group) {
                flatten(group.items(), into);
            }
        }
    }
}
