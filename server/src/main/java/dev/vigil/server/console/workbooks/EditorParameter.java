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
 * @param quote what a multi-select drop-down quotes each value with ({@code quote})
 * @param delimiter what separates them ({@code delimiter})
 * @param all whether a drop-down offers "All" ({@code typeSettings.additionalResourceOptions} holds {@code value::all})
 * @param allValue what "All" stands for ({@code typeSettings.selectAllValue}), or empty for every option
 * @param timeRanges a time range's choices ({@code typeSettings.selectableValues}) as durations joined by commas, or empty for Vigil's
 */
public record EditorParameter(int index, String name, String label, int type, boolean required, boolean multiple, String options, String query,
        String defaultValue, String quote, String delimiter, boolean all, String allValue, String timeRanges) {

    static EditorParameter of(int index, JsonNode parameter) {
        JsonNode settings = parameter.path("typeSettings");
        boolean all = false;
        for (JsonNode option : settings.path("additionalResourceOptions")) {
            all |= option.asText("").equals("value::all");
        }
        return new EditorParameter(index, parameter.path("name").asText(""), parameter.path("label").asText(""), parameter.path("type").asInt(1),
                parameter.path("isRequired").asBoolean(false), parameter.path("multiSelect").asBoolean(false), parameter.path("jsonData").asText(""),
                parameter.path("query").asText(""), defaultText(parameter.path("value")), FormText.of(parameter.path("quote")),
                FormText.of(parameter.path("delimiter")), all, FormText.of(allValueNode(parameter)), timeRangesText(settings.path("selectableValues")));
    }

    static EditorParameter blank(int index) {
        return new EditorParameter(index, "", "", 1, false, false, "", "", "", "", "", false, "", "");
    }

    /** Where the document keeps what "All" stands for: {@code typeSettings.selectAllValue}, or the parameter's own {@code selectAllValue}. */
    static JsonNode allValueNode(JsonNode parameter) {
        return parameter.path("typeSettings").has("selectAllValue") || !parameter.has("selectAllValue") ? parameter.path("typeSettings")
                .path("selectAllValue") : parameter.path("selectAllValue");
    }

    /** The types the editor offers, with the parameter's own when it is another. */
    public List<EditorChoice> types() {
        return EditorChoice.of(List.of(1, 2, 4), type, EditorParameter::typeLabel);
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
        if (value.has("durationMs") && value.path("durationMs").canConvertToLong()) {
            return FormText.duration(value.path("durationMs").asLong());
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(entry -> values.add(entry.asText()));
            return String.join(", ", values);
        }
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** Durations as P1D, PT4H, joined by commas; text kept as typed (a refused edit). */
    static String timeRangesText(JsonNode choices) {
        if (choices.isTextual()) {
            return choices.asText();
        }
        List<String> texts = new ArrayList<>();
        choices.forEach(choice -> texts.add(choice.path("durationMs").canConvertToLong() ? FormText.duration(choice.path("durationMs").asLong())
                : FormText.of(choice.path("durationMs"))));
        return String.join(", ", texts);
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
