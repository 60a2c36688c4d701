package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.server.console.workbooks.FormText.Kind;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The editor's rows of settings read back into an item: a query's grid column formatters
 * ({@code gridSettings.formatters}) with their options and thresholds, and its tile columns
 * ({@code tileSettings}); a links item's style and links; any item's conditional visibility. A row
 * keeps what the document wrote for it beyond the fields the editor shows (a link's id); a row left
 * without its key is one removed, or the blank row not used. A value a row cannot take is kept as
 * typed and refused in {@code problems}, by field, so that nothing the user typed is lost.
 */
final class ItemSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemSettings() {
    }

    /** {@code PREFIX formatter.N.column}, {@code .type} and the options' rows into {@code gridSettings.formatters}. */
    static void formatters(Map<String, List<String>> form, String prefix, ObjectNode content, Map<String, String> problems) {
        if (!form.containsKey(prefix + "formatters")) {
            return;
        }
        ArrayNode formatters = rows(form, prefix, "formatter", "column", content.path("gridSettings").path("formatters"), JSON::createObjectNode,
                problems, (field, column, formatter) -> {
                    formatter.put("columnMatch", column);
                    formatter.put("formatter", WorkbookDraft.number(WorkbookDraft.first(form, field + "type"), field + "type"));
                    options(form, field, formatter, problems);
                });
        if (formatters.isEmpty() && !content.has("gridSettings")) {
            return;
        }
        content.withObjectProperty("gridSettings").set("formatters", formatters);
    }

    /** A formatter's options: palette, scale, number format, date format, link, and thresholds. */
    private static void options(Map<String, List<String>> form, String field, ObjectNode formatter, Map<String, String> problems) {
        FormText.put(form, field + "palette", formatter, List.of("formatOptions", "palette"), Kind.TEXT, problems);
        FormText.put(form, field + "min", formatter, List.of("formatOptions", "min"), Kind.NUMBER, problems);
        FormText.put(form, field + "max", formatter, List.of("formatOptions", "max"), Kind.NUMBER, problems);
        FormText.put(form, field + "unit", formatter, List.of("numberFormat", "unit"), Kind.WHOLE, problems);
        FormText.put(form, field + "digits", formatter, List.of("numberFormat", "options", "maximumFractionDigits"), Kind.WHOLE, problems);
        if (formatter.path("numberFormat").path("options").path("maximumFractionDigits").isInt()) {
            int digits = formatter.path("numberFormat").path("options").path("maximumFractionDigits").asInt();
            if (digits < 0 || digits > 20) {
                problems.putIfAbsent(field + "digits", "Fraction digits go from 0 to 20; was " + digits + ".");
            }
        }
        FormText.put(form, field + "dateFormat", formatter, List.of("dateFormat", "formatName"), Kind.TEXT, problems);
        FormText.put(form, field + "linkTarget", formatter, List.of("formatOptions", "linkTarget"), Kind.TEXT, problems);
        FormText.put(form, field + "linkLabel", formatter, List.of("formatOptions", "linkLabel"), Kind.TEXT, problems);
        FormText.put(form, field + "thresholdStyle", formatter, List.of("formatOptions", "thresholdsOptions"), Kind.TEXT, problems);
        if (!form.containsKey(field + "thresholds")) {
            return;
        }
        JsonNode before = formatter.path("formatOptions").path("thresholdsGrid");
        ArrayNode grid = rows(form, field, "threshold", "operator", before, JSON::createObjectNode, problems, (row, operator, threshold) -> {
            threshold.put("operator", operator);
            FormText.put(form, row + "value", threshold, List.of("thresholdValue"), Kind.TEXT, problems);
            FormText.put(form, row + "representation", threshold, List.of("representation"), Kind.TEXT, problems);
            FormText.put(form, row + "text", threshold, List.of("text"), Kind.TEXT, problems);
        });
        if (!grid.isEmpty() || before.isArray()) {
            formatter.withObjectProperty("formatOptions").set("thresholdsGrid", grid);
        }
    }

    /** {@code PREFIX tileTitle} and {@code tileValue}: the columns a tile shows as its title and its big value. */
    static void tiles(Map<String, List<String>> form, String prefix, ObjectNode content) {
        if (!form.containsKey(prefix + "tileTitle")) {
            return;
        }
        String title = WorkbookDraft.first(form, prefix + "tileTitle").strip();
        String value = WorkbookDraft.first(form, prefix + "tileValue").strip();
        if (title.isEmpty() && value.isEmpty() && !content.has("tileSettings")) {
            return;
        }
        ObjectNode settings = content.withObjectProperty("tileSettings");
        column(settings, "titleContent", title);
        column(settings, "leftContent", value);
    }

    private static void column(ObjectNode settings, String part, String column) {
        if (column.isEmpty()) {
            if (settings.path(part).isObject()) {
                ((ObjectNode) settings.get(part)).remove("columnMatch");
            }
            return;
        }
        settings.withObjectProperty(part).put("columnMatch", column);
    }

    /**
     * {@code PREFIX condition.N.parameter}, {@code .comparison} and {@code .value} rows into the item's
     * {@code conditionalVisibility} and {@code conditionalVisibilities}, written in the form the document
     * used: one condition stays {@code conditionalVisibility}, more go to {@code conditionalVisibilities}.
     */
    static void conditions(Map<String, List<String>> form, String prefix, ObjectNode item, Map<String, String> problems) {
        if (!form.containsKey(prefix + "conditions")) {
            return;
        }
        ArrayNode read = rows(form, prefix, "condition", "parameter", EditorItem.conditions(item), JSON::createObjectNode, problems,
                (field, parameter, condition) -> {
                    condition.put("parameterName", parameter);
                    if (!parameter.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw new DraftException(field + "parameter", "A condition names a parameter: letters, digits and '_'; '" + parameter
                                + "' is not one.");
                    }
                    FormText.put(form, field + "comparison", condition, List.of("comparison"), Kind.TEXT, problems);
                    FormText.put(form, field + "value", condition, List.of("value"), Kind.TEXT, problems);
                    if (!condition.has("value")) {
                        // a condition always compares with a value, the empty text when none is given
                        condition.put("value", "");
                    }
                });
        if (read.equals(EditorItem.conditions(item))) {
            return;
        }
        boolean single = item.path("conditionalVisibility").isObject();
        boolean many = item.has("conditionalVisibilities");
        item.remove("conditionalVisibility");
        item.remove("conditionalVisibilities");
        if (read.isEmpty()) {
            return;
        }
        ArrayNode rest = JSON.createArrayNode();
        if (single || read.size() == 1 && !many) {
            item.set("conditionalVisibility", read.get(0));
            for (int i = 1; i < read.size(); i++) {
                rest.add(read.get(i));
            }
        } else {
            rest.addAll(read);
        }
        if (!rest.isEmpty() || many) {
            item.set("conditionalVisibilities", rest);
        }
    }

    /**
     * {@code PREFIX style} and the {@code PREFIX link.N.label}, {@code .target}, {@code .cell} and
     * {@code .value} rows into the links item's {@code style} and {@code links}.
     */
    static void links(Map<String, List<String>> form, String prefix, ObjectNode content, Map<String, String> problems) {
        String style = WorkbookDraft.first(form, prefix + "style").strip();
        if (!style.isEmpty()) {
            content.put("style", style);
        }
        ArrayNode links = rows(form, prefix, "link", "label", content.path("links"),
                () -> JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("style", "link"), problems, (field, label, link) -> {
                    String target = WorkbookDraft.first(form, field + "target").strip();
                    String cell = WorkbookDraft.first(form, field + "cell").strip();
                    link.put("linkLabel", label).put("linkTarget", target).put("cellValue", cell);
                    String value = WorkbookDraft.first(form, field + "value");
                    if (target.equals("parameter")) {
                        link.put("subTarget", value.strip());
                    } else if (link.has("subTarget") && value.isBlank()) {
                        link.remove("subTarget");
                    }
                    if (target.equals("parameter") && !cell.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw new DraftException(field + "cell", "A tab sets a parameter named with letters, digits and '_'; '" + cell + "' is not one.");
                    }
                    if (target.equals("url") && !cell.startsWith("https://")) {
                        throw new DraftException(field + "cell", "A link opens an https:// address; '" + cell + "' is not one.");
                    }
                });
        content.set("links", links);
    }

    /**
     * The rows {@code PREFIX ROW.N.} that the count field {@code PREFIX ROWs} says the form has, each read by {@code reader} into a
     * copy of the node the document had at its place (so what the editor does not show is kept) or, for a row beyond them, into
     * {@code fresh}; a row whose {@code key} field is blank is one removed, or the blank row not used, and is left out. A row the
     * reader refuses is kept as far as it was read, its problem noted by field.
     */
    static ArrayNode rows(Map<String, List<String>> form, String prefix, String row, String key, JsonNode before, Supplier<ObjectNode> fresh,
            Map<String, String> problems, RowReader reader) {
        ArrayNode rows = JSON.createArrayNode();
        int count = WorkbookDraft.number(WorkbookDraft.first(form, prefix + row + "s"), prefix + row + "s");
        for (int j = 0; j < count; j++) {
            String field = prefix + row + "." + j + ".";
            String keyText = WorkbookDraft.first(form, field + key).strip();
            if (keyText.isEmpty()) {
                continue;
            }
            ObjectNode node = j < before.size() && before.get(j).isObject() ? ((ObjectNode) before.get(j)).deepCopy() : fresh.get();
            try {
                reader.read(field, keyText, node);
            } catch (DraftException e) {
                problems.putIfAbsent(e.field(), e.getMessage());
            }
            rows.add(node);
        }
        return rows;
    }

    /** Reads one row of the form, whose fields start with {@code field} and whose key field holds {@code key}, into its node. */
    @FunctionalInterface
    interface RowReader {
        void read(String field, String key, ObjectNode node);
    }
}
