package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One link of a links item in the editor; the last row is blank, for a new one.
 *
 * @param target {@code parameter} (a tab: sets the parameter {@code cell} to {@code value}), {@code url} (opens the address {@code cell}),
 *     or the other target the document gave, kept as written
 */
public record EditorLink(int index, String label, String target, String cell, String value) {

    static EditorLink of(int index, JsonNode link) {
        return new EditorLink(index, link.path("linkLabel").asText(""), link.path("linkTarget").asText("parameter"), link.path("cellValue").asText(""),
                link.path("subTarget").asText(""));
    }

    static EditorLink blank(int index) {
        return new EditorLink(index, "", "parameter", "", "");
    }

    /** The targets the editor offers, with the link's own when it is another. */
    public List<String> targets() {
        List<String> targets = new ArrayList<>(List.of("parameter", "url"));
        if (!targets.contains(target)) {
            targets.add(target);
        }
        return targets;
    }

    public List<EditorChoice> targetChoices() {
        return EditorChoice.of(List.of("parameter", "url"), target, EditorLink::targetLabel);
    }

    public static String targetLabel(String target) {
        return switch (target) {
            case "parameter" -> "Set a parameter (tab)";
            case "url" -> "Open an address";
            default -> target + " (kept as written)";
        };
    }
}
