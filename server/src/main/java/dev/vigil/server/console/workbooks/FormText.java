package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the editor shows a setting of the document in a form field, and writes the field back. A
 * field whose text is what the editor showed leaves the setting as the document wrote it (a
 * {@code "min": "0"} stays text, a {@code null} stays null); a changed field writes its value, a
 * blank one removes the setting. A value the setting cannot take is written as typed, so that the
 * editor shows it again, and refused beside its field.
 */
final class FormText {
    /** What a field holds: text, a number, or a whole number. */
    enum Kind {
        TEXT, NUMBER, WHOLE
    }

    private FormText() {
    }

    /** The text a field shows for a setting: nothing for a missing or null one. */
    static String of(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return "";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** A duration as the editor writes it: {@code P7D} in whole days, else {@code PT4H}, {@code PT30M}. */
    static String duration(long millis) {
        Duration duration = Duration.ofMillis(millis);
        return !duration.isZero() && duration.toMillis() % Duration.ofDays(1).toMillis() == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    /**
     * Writes the form's field into the setting at {@code path} under {@code node}, unless the form
     * has no such field or the field is unchanged.
     *
     * @param problems where a value the setting cannot take is refused, by field
     */
    static void put(Map<String, List<String>> form, String field, ObjectNode node, List<String> path, Kind kind, Map<String, String> problems) {
        if (!form.containsKey(field)) {
            return;
        }
        String text = WorkbookDraft.first(form, field).strip();
        JsonNode current = node;
        for (String step : path) {
            current = current.path(step);
        }
        if (text.equals(of(current).strip())) {
            return;
        }
        ObjectNode parent = node;
        for (String step : path.subList(0, path.size() - 1)) {
            parent = parent.withObjectProperty(step);
        }
        String leaf = path.get(path.size() - 1);
        if (text.isEmpty()) {
            parent.remove(leaf);
            return;
        }
        try {
            switch (kind) {
                case TEXT -> parent.put(leaf, text);
                case WHOLE -> parent.put(leaf, Integer.parseInt(text));
                case NUMBER -> {
                    double number = Double.parseDouble(text);
                    if (number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE && !text.contains(".")) {
                        parent.put(leaf, (int) number);
                    } else {
                        parent.put(leaf, number);
                    }
                }
            }
        } catch (NumberFormatException e) {
            parent.put(leaf, text);
            problems.putIfAbsent(field, kind == Kind.WHOLE ? "A whole number, such as 2; '" + text + "' is not one."
                    : "A number, such as 0 or 12.5; '" + text + "' is not one.");
        }
    }
}
