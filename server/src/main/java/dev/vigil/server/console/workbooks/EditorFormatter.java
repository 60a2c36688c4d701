package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One column formatter of a query item's grid in the editor, with its options as the document
 * writes them ({@code formatOptions}, {@code numberFormat}, {@code dateFormat}); the last row is
 * blank, for a new one.
 *
 * @param column the column it applies to ({@code columnMatch}: a name, or a regular expression of names)
 * @param type Sentinel's formatter number
 * @param palette bars', heat maps' and spark lines' colours ({@code formatOptions.palette})
 * @param min the value drawn as the shortest bar or the low end of the heat map ({@code formatOptions.min}), or empty for the column's
 * @param unit the number format's unit ({@code numberFormat.unit}), or empty
 * @param digits the most fraction digits shown ({@code numberFormat.options.maximumFractionDigits}), or empty
 * @param dateFormat a date/time column's format ({@code dateFormat.formatName}), or empty
 * @param linkTarget {@code Url} when the cell opens its value as an address ({@code formatOptions.linkTarget}), or empty
 * @param thresholdStyle {@code icons} or {@code colors} ({@code formatOptions.thresholdsOptions})
 */
public record EditorFormatter(int index, String column, int type, String palette, String min, String max, String unit, String digits,
        String dateFormat, String linkTarget, String linkLabel, String thresholdStyle, List<EditorThreshold> thresholds) {

    static EditorFormatter of(int index, JsonNode formatter) {
        JsonNode options = formatter.path("formatOptions");
        JsonNode grid = options.path("thresholdsGrid");
        List<EditorThreshold> thresholds = new ArrayList<>();
        for (int j = 0; j < grid.size(); j++) {
            thresholds.add(EditorThreshold.of(j, grid.get(j)));
        }
        thresholds.add(EditorThreshold.blank(grid.size()));
        return new EditorFormatter(index, formatter.path("columnMatch").asText(""), formatter.path("formatter").asInt(ColumnFormatter.BAR),
                FormText.of(options.path("palette")), FormText.of(options.path("min")), FormText.of(options.path("max")),
                FormText.of(formatter.path("numberFormat").path("unit")),
                FormText.of(formatter.path("numberFormat").path("options").path("maximumFractionDigits")),
                FormText.of(formatter.path("dateFormat").path("formatName")), FormText.of(options.path("linkTarget")),
                FormText.of(options.path("linkLabel")), FormText.of(options.path("thresholdsOptions")), thresholds);
    }

    static EditorFormatter blank(int index) {
        return new EditorFormatter(index, "", ColumnFormatter.BAR, "", "", "", "", "", "", "", "", "", List.of(EditorThreshold.blank(0)));
    }

    /** The formatters the editor offers, with the row's own when it is another. */
    public List<EditorChoice> types() {
        return EditorChoice.of(ColumnFormatter.DRAWN, type, ColumnFormatter::label);
    }

    public List<EditorChoice> palettes() {
        return withNone(Palette.NAMES, palette, "(default)");
    }

    public List<EditorChoice> units() {
        List<EditorChoice> choices = new ArrayList<>();
        choices.add(new EditorChoice("", "(no number format)"));
        NumberText.UNITS.forEach(unit -> choices.add(new EditorChoice(Integer.toString(unit), NumberText.unitLabel(unit))));
        if (!unit.isEmpty() && choices.stream().noneMatch(choice -> choice.value().equals(unit))) {
            choices.add(new EditorChoice(unit, unit.matches("\\d+") ? NumberText.unitLabel(Integer.parseInt(unit)) : unit + " (kept)"));
        }
        return choices;
    }

    public List<EditorChoice> dateFormats() {
        return withNone(GridRendering.DATE_FORMAT_NAMES, dateFormat, "(date and time, to the second)");
    }

    public List<EditorChoice> linkTargets() {
        return withNone(List.of("Url"), linkTarget, "(no link)");
    }

    public List<EditorChoice> thresholdStyles() {
        return withNone(List.of("icons", "colors"), thresholdStyle, "(icons)");
    }

    /** The row's own formatter's options that the editor shows: what Sentinel's column settings offer for it. */
    public boolean scaled() {
        return type == ColumnFormatter.BAR || type == ColumnFormatter.BAR_UNDERNEATH || type == ColumnFormatter.HEAT_MAP;
    }

    private static List<EditorChoice> withNone(List<String> values, String current, String none) {
        List<EditorChoice> choices = new ArrayList<>();
        choices.add(new EditorChoice("", none));
        values.forEach(value -> choices.add(new EditorChoice(value, value)));
        if (!current.isEmpty() && !values.contains(current)) {
            choices.add(new EditorChoice(current, current + " (kept)"));
        }
        return choices;
    }
}
