package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor's form field for a place in the document that a save refused: the JSON path of an
 * {@link dev.vigil.soc.workbook.InvalidWorkbookException} ({@code items[2].content.items[0].content.gridSettings.formatters[1].formatOptions.min})
 * as the field that shows it ({@code item.2.0.formatter.1.min}), so that the API's refusal appears
 * beside the field it concerns. A place the editor has no field for falls to its item
 * ({@code item.2.0}), and one outside every item to the workbook ({@code ""}).
 */
final class FieldPaths {
    private static final Pattern ITEM = Pattern.compile("^(?:\\.content)?\\.?items\\[(\\d+)]");
    private static final Pattern INDEXED = Pattern.compile("^\\.?([A-Za-z]+)\\[(\\d+)](.*)$");
    private static final List<String[]> ITEM_FIELDS = List.of(new String[] {".customWidth", "width"}, new String[] {".content.query", "query"},
            new String[] {".content.title", "title"}, new String[] {".content.json", "markdown"},
            new String[] {".content.visualization", "visualization"}, new String[] {".content.style", "style"});
    private static final List<String[]> FORMATTER_FIELDS = List.of(new String[] {".columnMatch", "column"}, new String[] {".formatter", "type"},
            new String[] {".formatOptions.palette", "palette"}, new String[] {".formatOptions.min", "min"}, new String[] {".formatOptions.max", "max"},
            new String[] {".formatOptions.linkTarget", "linkTarget"}, new String[] {".formatOptions.linkLabel", "linkLabel"},
            new String[] {".formatOptions.thresholdsOptions", "thresholdStyle"}, new String[] {".numberFormat.unit", "unit"},
            new String[] {".numberFormat.options.maximumFractionDigits", "digits"}, new String[] {".dateFormat.formatName", "dateFormat"});
    private static final List<String[]> THRESHOLD_FIELDS = List.of(new String[] {".operator", "operator"},
            new String[] {".thresholdValue", "value"}, new String[] {".representation", "representation"}, new String[] {".text", "text"});
    /** In order: a longer path before one it starts with ({@code .typeSettings} before {@code .type}). */
    private static final List<String[]> PARAMETER_FIELDS = List.of(new String[] {".typeSettings.selectableValues", "timeRanges"},
            new String[] {".typeSettings.selectAllValue", "allValue"}, new String[] {".selectAllValue", "allValue"}, new String[] {".name", "name"},
            new String[] {".label", "label"}, new String[] {".type", "type"}, new String[] {".value", "default"},
            new String[] {".jsonData", "options"}, new String[] {".query", "query"}, new String[] {".quote", "quote"},
            new String[] {".delimiter", "delimiter"});
    private static final List<String[]> LINK_FIELDS = List.of(new String[] {".linkLabel", "label"}, new String[] {".linkTarget", "target"},
            new String[] {".cellValue", "cell"}, new String[] {".subTarget", "value"});
    private static final List<String[]> CONDITION_FIELDS = List.of(new String[] {".parameterName", "parameter"},
            new String[] {".comparison", "comparison"}, new String[] {".value", "value"});

    private FieldPaths() {
    }

    /**
     * @param document the document that was refused, to tell a second condition in {@code conditionalVisibilities} from the first
     */
    static String field(JsonNode document, String path) {
        String rest = path;
        StringBuilder item = new StringBuilder();
        JsonNode node = document;
        Matcher matcher = ITEM.matcher(rest);
        while (matcher.find()) {
            item.append(item.isEmpty() ? "" : ".").append(matcher.group(1));
            int index = Integer.parseInt(matcher.group(1));
            node = node == document ? node.path("items").path(index) : node.path("content").path("items").path(index);
            rest = rest.substring(matcher.end());
            matcher = ITEM.matcher(rest);
        }
        if (item.isEmpty()) {
            return "";
        }
        String prefix = "item." + item + ".";
        for (String[] field : ITEM_FIELDS) {
            if (rest.startsWith(field[0])) {
                return prefix + field[1];
            }
        }
        if (rest.startsWith(".content.gridSettings.formatters[")) {
            Matcher row = INDEXED.matcher(rest.substring(".content.gridSettings.".length()));
            if (row.matches()) {
                String formatter = prefix + "formatter." + row.group(2) + ".";
                String inner = row.group(3);
                if (inner.startsWith(".formatOptions.thresholdsGrid[")) {
                    Matcher threshold = INDEXED.matcher(inner.substring(".formatOptions.".length()));
                    if (threshold.matches()) {
                        return within(formatter + "threshold." + threshold.group(2) + ".", threshold.group(3), THRESHOLD_FIELDS, formatter + "column");
                    }
                }
                return within(formatter, inner, FORMATTER_FIELDS, formatter + "column");
            }
        }
        if (rest.startsWith(".content.parameters[") || rest.startsWith(".content.links[")) {
            Matcher row = INDEXED.matcher(rest.substring(".content.".length()));
            if (row.matches()) {
                boolean parameter = row.group(1).equals("parameters");
                String field = prefix + (parameter ? "parameter." : "link.") + row.group(2) + ".";
                return within(field, row.group(3), parameter ? PARAMETER_FIELDS : LINK_FIELDS, field + (parameter ? "name" : "label"));
            }
        }
        if (rest.startsWith(".conditionalVisibility.") || rest.startsWith(".conditionalVisibilities[")) {
            Matcher row = INDEXED.matcher(rest);
            int index = 0;
            String inner = rest.substring(".conditionalVisibility".length());
            if (row.matches() && row.group(1).equals("conditionalVisibilities")) {
                index = Integer.parseInt(row.group(2)) + (node.path("conditionalVisibility").isObject() ? 1 : 0);
                inner = row.group(3);
            }
            String field = prefix + "condition." + index + ".";
            return within(field, inner, CONDITION_FIELDS, field + "parameter");
        }
        return "item." + item;
    }

    private static String within(String field, String inner, List<String[]> fields, String otherwise) {
        for (String[] known : fields) {
            if (inner.startsWith(known[0])) {
                return field + known[1];
            }
        }
        return otherwise;
    }
}
