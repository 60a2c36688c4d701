package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.workbook.InvalidWorkbookException;

/**
 * The checks a save makes of the settings {@link NotebookReader} keeps as written: grid column
 * formatters and their options, conditional visibility, and parameters' settings. Only values no
 * workbook can use are refused (a threshold's operator that is not text, a minimum that is no
 * number, a drop-down's {@code jsonData} that is not JSON), never a setting Vigil merely does not
 * draw, so that a template published for Sentinel saves as it is. Every save runs them, the API's
 * and the console editor's alike; a refusal names the JSON path, e.g.
 * {@code items[2].content.gridSettings.formatters[0].formatOptions.min}.
 *
 * <p>Kept apart from reading: a workbook saved before a check existed still reads.
 */
public final class NotebookSettingsCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotebookSettingsCheck() {
    }

    public static void check(NotebookDocument document) {
        items(document.json().path("items"), "items");
    }

    private static void items(JsonNode items, String path) {
        for (int i = 0; i < items.size(); i++) {
            item(items.get(i), path + "[" + i + "]");
        }
    }

    private static void item(JsonNode item, String path) {
        visibility(item.path("conditionalVisibility"), path + ".conditionalVisibility");
        JsonNode many = item.path("conditionalVisibilities");
        if (!many.isMissingNode() && !many.isNull() && !many.isArray()) {
            throw new InvalidWorkbookException(path + ".conditionalVisibilities", "must be an array of conditions");
        }
        for (int i = 0; i < many.size(); i++) {
            visibility(many.get(i), path + ".conditionalVisibilities[" + i + "]");
        }
        JsonNode content = item.path("content");
        switch (item.path("type").asInt()) {
            case 3 -> {
                formatters(content.path("gridSettings").path("formatters"), path + ".content.gridSettings.formatters");
                text(content.path("mapSettings"), "locInfo", path + ".content.mapSettings");
            }
            case 9 -> parameters(content.path("parameters"), path + ".content.parameters");
            case 12 -> items(content.path("items"), path + ".content.items");
            default -> {
                // text, links and items Vigil does not draw have no settings checked here
            }
        }
    }

    private static void visibility(JsonNode condition, String path) {
        if (condition.isMissingNode() || condition.isNull()) {
            return;
        }
        if (!condition.isObject()) {
            throw new InvalidWorkbookException(path, "a visibility condition is an object: {\"parameterName\", \"comparison\", \"value\"}");
        }
        if (!condition.path("parameterName").isTextual() || condition.path("parameterName").asText().isBlank()) {
            throw new InvalidWorkbookException(path + ".parameterName", "a visibility condition names the parameter it compares");
        }
        text(condition, "comparison", path);
    }

    private static void formatters(JsonNode formatters, String path) {
        if (formatters.isMissingNode() || formatters.isNull()) {
            return;
        }
        if (!formatters.isArray()) {
            throw new InvalidWorkbookException(path, "must be an array of column formatters");
        }
        for (int i = 0; i < formatters.size(); i++) {
            formatter(formatters.get(i), path + "[" + i + "]");
        }
    }

    private static void formatter(JsonNode formatter, String path) {
        if (!formatter.isObject()) {
            throw new InvalidWorkbookException(path, "a column formatter is an object: {\"columnMatch\", \"formatter\", \"formatOptions\"}");
        }
        if (!formatter.path("columnMatch").isTextual() || formatter.path("columnMatch").asText().isEmpty()) {
            throw new InvalidWorkbookException(path + ".columnMatch", "a column formatter names the column (or a regular expression of columns) it"
                    + " formats");
        }
        integer(formatter, "formatter", path, 0, 1000);
        JsonNode options = formatter.path("formatOptions");
        if (!options.isMissingNode() && !options.isNull()) {
            if (!options.isObject()) {
                throw new InvalidWorkbookException(path + ".formatOptions", "must be an object");
            }
            number(options, "min", path + ".formatOptions");
            number(options, "max", path + ".formatOptions");
            text(options, "palette", path + ".formatOptions");
            text(options, "linkTarget", path + ".formatOptions");
            text(options, "thresholdsOptions", path + ".formatOptions");
            thresholds(options.path("thresholdsGrid"), path + ".formatOptions.thresholdsGrid");
        }
        JsonNode numberFormat = formatter.path("numberFormat");
        if (numberFormat.isObject()) {
            integer(numberFormat, "unit", path + ".numberFormat", 0, 1000);
            // the browser's number formatting takes 0 to 20 fraction digits
            integer(numberFormat.path("options"), "maximumFractionDigits", path + ".numberFormat.options", 0, 20);
            integer(numberFormat.path("options"), "minimumFractionDigits", path + ".numberFormat.options", 0, 20);
            integer(numberFormat.path("options"), "maximumSignificantDigits", path + ".numberFormat.options", 1, 21);
        }
        text(formatter.path("dateFormat"), "formatName", path + ".dateFormat");
    }

    private static void thresholds(JsonNode grid, String path) {
        if (grid.isMissingNode() || grid.isNull()) {
            return;
        }
        if (!grid.isArray()) {
            throw new InvalidWorkbookException(path, "must be an array of thresholds: {\"operator\", \"thresholdValue\", \"representation\", \"text\"}");
        }
        for (int i = 0; i < grid.size(); i++) {
            JsonNode row = grid.get(i);
            if (!row.isObject()) {
                throw new InvalidWorkbookException(path + "[" + i + "]", "a threshold is an object: {\"operator\", \"thresholdValue\","
                        + " \"representation\", \"text\"}");
            }
            text(row, "operator", path + "[" + i + "]");
            text(row, "representation", path + "[" + i + "]");
            text(row, "text", path + "[" + i + "]");
            JsonNode value = row.path("thresholdValue");
            if (!value.isMissingNode() && !value.isValueNode()) {
                throw new InvalidWorkbookException(path + "[" + i + "].thresholdValue", "must be a value (text or a number); was " + value);
            }
        }
    }

    private static void parameters(JsonNode parameters, String path) {
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            String at = path + "[" + i + "]";
            integer(parameter, "type", at, 0, 1000);
            bool(parameter, "isRequired", at);
            bool(parameter, "multiSelect", at);
            text(parameter, "label", at);
            text(parameter, "query", at);
            text(parameter, "quote", at);
            text(parameter, "delimiter", at);
            JsonNode data = parameter.path("jsonData");
            if (data.isTextual() && !data.asText().isBlank()) {
                try {
                    JsonNode options = JSON.readTree(data.asText());
                    if (options == null || !options.isArray()) {
                        throw new InvalidWorkbookException(at + ".jsonData", "a drop-down's options are a JSON array, e.g. [\"High\", \"Low\"] or"
                                + " [{\"value\": \"High\", \"label\": \"High only\"}]");
                    }
                } catch (JsonProcessingException e) {
                    // the parser's first words say what is wrong; the rest names its own source, of no use here
                    String problem = e.getOriginalMessage().split("\\(start marker|\\n", 2)[0].strip();
                    throw new InvalidWorkbookException(at + ".jsonData", "is not JSON: " + problem + " at column " + e.getLocation().getColumnNr());
                }
            }
            if (parameter.path("type").asInt(1) == 4) {
                duration(parameter.path("value"), at + ".value");
                JsonNode choices = parameter.path("typeSettings").path("selectableValues");
                if (!choices.isMissingNode() && !choices.isNull() && !choices.isArray()) {
                    throw new InvalidWorkbookException(at + ".typeSettings.selectableValues", "must be an array of {\"durationMs\"}");
                }
                for (int j = 0; j < choices.size(); j++) {
                    duration(choices.get(j), at + ".typeSettings.selectableValues[" + j + "]");
                }
            }
        }
    }

    /** A time range's {@code durationMs}, where given, is a positive number of milliseconds. */
    private static void duration(JsonNode range, String path) {
        JsonNode millis = range.path("durationMs");
        if (millis.isMissingNode() || millis.isNull()) {
            return;
        }
        if (!millis.canConvertToLong() || !millis.isNumber() || millis.asLong() < 0) {
            throw new InvalidWorkbookException(path + ".durationMs", "a time range is a number of milliseconds, 0 or more; was " + millis);
        }
    }

    private static void text(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
            throw new InvalidWorkbookException(path + "." + field, "must be text; was " + value);
        }
    }

    private static void bool(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isBoolean()) {
            throw new InvalidWorkbookException(path + "." + field, "must be true or false; was " + value);
        }
    }

    private static void integer(JsonNode node, String field, String path, int low, int high) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        if (!value.isIntegralNumber() || value.asLong() < low || value.asLong() > high) {
            throw new InvalidWorkbookException(path + "." + field, "must be a whole number from " + low + " to " + high + "; was " + value);
        }
    }

    /** A number, or text that reads as one (some templates quote their minimum and maximum). */
    private static void number(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isNumber()) {
            return;
        }
        if (value.isTextual()) {
            try {
                Double.parseDouble(value.asText().strip());
                return;
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new InvalidWorkbookException(path + "." + field, "must be a number; was " + value);
    }
}
