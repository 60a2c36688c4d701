package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** An item of a type Vigil does not draw (metrics, type 10; ...); kept as given and shown as a notice. */
public record UnsupportedItem(String name, int type, List<VisibilityCondition> visibility, ItemLayout layout, JsonNode json) implements WorkbookItem {
    public UnsupportedItem {
        visibility = List.copyOf(visibility);
    }

    public String notice() {
        String kind = switch (type) {
            case 10 -> "metrics items (type 10) read Azure Monitor metrics";
            case 2 -> "old-style query items (type 2)";
            default -> "items of type " + type;
        };
        return kind + " are not supported by Vigil";
    }
}
