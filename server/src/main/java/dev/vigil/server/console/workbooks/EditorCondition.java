package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One condition of an item's conditional visibility in the editor ({@code conditionalVisibility},
 * then each of {@code conditionalVisibilities}): the item shows when every condition holds. The
 * last row is blank, for a new one; a row without its parameter is removed.
 */
public record EditorCondition(int index, String parameter, String comparison, String value) {
    /** The comparisons Vigil evaluates. */
    static final List<String> COMPARISONS = List.of("isEqualTo", "isNotEqualTo");

    static EditorCondition of(int index, JsonNode condition) {
        return new EditorCondition(index, condition.path("parameterName").asText(""), condition.path("comparison").asText("isEqualTo"),
                FormText.of(condition.path("value")));
    }

    static EditorCondition blank(int index) {
        return new EditorCondition(index, "", "isEqualTo", "");
    }

    public List<EditorChoice> comparisons() {
        return EditorChoice.of(COMPARISONS, comparison, name -> switch (name) {
            case "isEqualTo" -> "equals";
            case "isNotEqualTo" -> "does not equal";
            default -> name + " (kept; the item shows)";
        });
    }
}
