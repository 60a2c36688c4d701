package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a thresholds formatter ({@code formatOptions.thresholdsGrid}) in the editor; the last
 * row is blank, for a new one, and a row whose operator is set to none is removed.
 *
 * @param representation the icon, or the colour when the formatter shows its thresholds as colours
 * @param text what the cell shows, {@code {0}} the value and {@code {1}} its unit
 */
public record EditorThreshold(int index, String operator, String value, String representation, String text) {

    static EditorThreshold of(int index, JsonNode row) {
        return new EditorThreshold(index, row.path("operator").asText(""), FormText.of(row.path("thresholdValue")),
                FormText.of(row.path("representation")), FormText.of(row.path("text")));
    }

    static EditorThreshold blank(int index) {
        return new EditorThreshold(index, "", "", "", "");
    }

    public List<EditorChoice> operators() {
        List<EditorChoice> choices = new ArrayList<>();
        choices.add(new EditorChoice("", "(none)"));
        choices.addAll(EditorChoice.of(ThresholdRule.OPERATORS, operator.isEmpty() ? ThresholdRule.OPERATORS.get(0) : operator,
                op -> op.equals("Default") ? "Default (any other value)" : ThresholdRule.OPERATORS.contains(op) ? op : op + " (kept; never matches)"));
        return choices;
    }

    /** The icons and colours a row may show, with the row's own when it is another. */
    public List<EditorChoice> representations() {
        List<EditorChoice> choices = new ArrayList<>();
        choices.add(new EditorChoice("", "(none)"));
        CellIcon.NAMES.forEach(name -> choices.add(new EditorChoice(name, "icon: " + name)));
        Palette.NAMES.stream().filter(name -> Palette.colorClass(name).isPresent())
                .forEach(name -> choices.add(new EditorChoice(name, "colour: " + name)));
        if (!representation.isEmpty() && choices.stream().noneMatch(choice -> choice.value().equals(representation))) {
            choices.add(new EditorChoice(representation, representation + " (kept)"));
        }
        return choices;
    }
}
