package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One column formatter of a query item's grid in the editor; the last row is blank, for a new one.
 *
 * @param column the column it applies to ({@code columnMatch})
 * @param type Sentinel's formatter number
 */
public record EditorFormatter(int index, String column, int type) {
    /** The formatters Vigil draws (see {@code GridRendering}), in the order the editor offers them. */
    private static final List<Integer> DRAWN = List.of(4, 3, 8, 9, 10, 5);

    static EditorFormatter of(int index, JsonNode formatter) {
        return new EditorFormatter(index, formatter.path("columnMatch").asText(""), formatter.path("formatter").asInt(4));
    }

    static EditorFormatter blank(int index) {
        return new EditorFormatter(index, "", 4);
    }

    /** The formatters the editor offers, with the row's own when it is another. */
    public List<Integer> types() {
        List<Integer> types = new ArrayList<>(DRAWN);
        if (!types.contains(type)) {
            types.add(type);
        }
        return types;
    }

    public static String typeLabel(int type) {
        return switch (type) {
            case 3 -> "Bar underneath";
            case 4 -> "Bar";
            case 5 -> "Hidden";
            case 8 -> "Heat map";
            case 9 -> "Spark bars";
            case 10 -> "Spark line";
            default -> "Formatter " + type + " (kept; shown as text)";
        };
    }
}
