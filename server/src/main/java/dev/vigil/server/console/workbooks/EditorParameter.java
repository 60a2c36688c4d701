package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.workbook.evaluation.TimeRangeValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a parameters item in the editor; the last row of each item is blank, for a new one.
 *
 * @param type 1 text, 2 drop-down, 4 time range, or the other type the document gave
 * @param options a drop-down's {@code jsonData}
 * @param defaultValue its {@code value} as the editor writes it: P7D for a time range, values joined by commas
 */
public record EditorParameter(int index, String name, String label, int type, boolean required, boolean multiple, String options, String query,
        String defaultValue) {

    static EditorParameter of(int index, JsonNode parameter) {
        return new EditorParameter(index, parameter.path("name").asText(""), parameter.path("label").asText(""), parameter.path("type").asInt(1),
                parameter.path("isRequired").asBoolean(false), parameter.path("multiSelect").asBoolean(false), parameter.path("jsonData").asText(""),
                parameter.path("query").asText(""), defaultText(parameter.path("value")));
    }

    static EditorParameter blank(int index) {
        return new EditorParameter(index, "", "", 1, false, false, "", "", "");
    }

    /** The types the editor offers, with the parameter's own when it is another. */
    public List<Integer> types() {
        List<Integer> types = new ArrayList<>(List.of(1, 2, 4));
        if (!types.contains(type)) {
            types.add(type);
        }
        return types;
    }

    public static String typeLabel(int type) {
        return switch (type) {
            case 1 -> "Text";
            case 2 -> "Drop down";
            case 4 -> "Time range picker";
            default -> "Type " + type + " (kept as written)";
        };
    }

    private static String defaultText(JsonNode value) {
        if (value.has("durationMs")) {
            return Duration.ofMillis(value.path("durationMs").asLong()).toString();
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(entry -> values.add(entry.asText()));
            return String.join(", ", values);
        }
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** For the editor's hint: how a time range default reads, e.g. {@code Last 7 days}. */
    public String timeRangeHint() {
        try {
            return type == 4 && !defaultValue.isEmpty() ? TimeRangeValue.last(Duration.parse(defaultValue)).label() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }
}
