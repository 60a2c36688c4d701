package dev.vigil.soc.workbook.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vigil.soc.workbook.InvalidWorkbookException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a {@code Notebook/1.0} document into its typed items, and unwraps one from the shapes
 * templates are published in. Errors name the JSON path of what is wrong.
 */
public final class NotebookReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NotebookReader() {
    }

    /** The document, which must be a bare {@code Notebook/1.0} document. */
    public static NotebookDocument read(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new InvalidWorkbookException("$", "a workbook is a JSON object with \"version\": \"" + NotebookDocument.VERSION + "\" and \"items\"");
        }
        String version = document.path("version").asText("");
        if (!version.equals(NotebookDocument.VERSION)) {
            throw new InvalidWorkbookException("version", "must be \"" + NotebookDocument.VERSION + "\"; was " + document.path("version"));
        }
        JsonNode items = document.path("items");
        if (!items.isArray()) {
            throw new InvalidWorkbookException("items", "must be an array of items");
        }
        return new NotebookDocument(document, items(items, "items"));
    }

    /**
     * The document of a template as published: a bare {@code Notebook/1.0} document, a workbook
     * resource or gallery entry whose {@code serializedData} (top level or under {@code properties})
     * holds it as text, or an ARM template with such a resource of type {@code microsoft.insights/workbooks}.
     */
    public static Published unwrap(JsonNode published) {
        if (published == null || !published.isObject()) {
            throw new InvalidWorkbookException("$", "a workbook template is a JSON object");
        }
        if (published.has("items") || published.has("version") && !published.has("resources")) {
            return new Published(read(published), Optional.empty());
        }
        if (published.has("resources")) {
            JsonNode resources = published.path("resources");
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i).path("type").asText("").equalsIgnoreCase("microsoft.insights/workbooks")) {
                    return serialized(resources.get(i).path("properties"), "resources[" + i + "].properties");
                }
            }
            throw new InvalidWorkbookException("resources", "has no resource of type microsoft.insights/workbooks");
        }
        if (published.path("properties").has("serializedData")) {
            return serialized(published.path("properties"), "properties");
        }
        if (published.has("serializedData")) {
            return serialized(published, "$");
        }
        throw new InvalidWorkbookException("$", "is neither a Notebook/1.0 document nor a workbook with serializedData");
    }

    /** A template's document and the display name its wrapper gave, if any. */
    public record Published(NotebookDocument document, Optional<String> displayName) {
    }

    private static Published serialized(JsonNode properties, String path) {
        JsonNode data = properties.path("serializedData");
        JsonNode document;
        if (data.isTextual()) {
            try {
                document = JSON.readTree(data.asText());
            } catch (JsonProcessingException e) {
                throw new InvalidWorkbookException(path + ".serializedData", "is not JSON: " + e.getOriginalMessage() + " at line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
            }
        } else {
            document = data;
        }
        String name = properties.path("displayName").asText("");
        // an ARM template's name is often an expression ("[parameters('workbookDisplayName')]"), not a name
        return new Published(read(document), name.isEmpty() || name.startsWith("[") ? Optional.empty() : Optional.of(name));
    }

    private static List<WorkbookItem> items(JsonNode items, String path) {
        List<WorkbookItem> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read.add(item(items.get(i), path + "[" + i + "]"));
        }
        return read;
    }

    private static WorkbookItem item(JsonNode item, String path) {
        if (!item.isObject()) {
            throw new InvalidWorkbookException(path, "an item is a JSON object with a \"type\"");
        }
        if (!item.path("type").canConvertToInt()) {
            throw new InvalidWorkbookException(path + ".type", "must be a number (1 text, 3 query, 9 parameters, 11 links, 12 group); was "
                    + item.path("type"));
        }
        int type = item.path("type").asInt();
        String name = item.path("name").asText("item " + path);
        JsonNode content = item.path("content");
        List<VisibilityCondition> visibility = visibility(item, path);
        ItemLayout layout = new ItemLayout(width(item), content.path("size").asInt(0));
        return switch (type) {
            case 1 -> new TextItem(name, content.path("json").asText(""), visibility, layout, item);
            case 3 -> query(name, content, visibility, layout, item, path);
            case 9 -> new ParametersItem(name, parameters(content.path("parameters"), path + ".content.parameters"), visibility, layout, item);
            case 11 -> new LinksItem(name, content.path("style").asText("list"), links(content.path("links")), visibility, layout, item);
            case 12 -> new GroupItem(name, content.path("title").asText(""), items(content.path("items"), path + ".content.items"), visibility, layout,
                    item);
            default -> new UnsupportedItem(name, type, visibility, layout, item);
        };
    }

    private static QueryItem query(String name, JsonNode content, List<VisibilityCondition> visibility, ItemLayout layout, JsonNode item,
            String path) {
        if (!content.path("query").isTextual()) {
            throw new InvalidWorkbookException(path + ".content.query", "a query item needs its KQL as text");
        }
        Optional<String> fromParameter = text(content, "timeContextFromParameter");
        Optional<Duration> timeContext = content.path("timeContext").has("durationMs")
                ? Optional.of(Duration.ofMillis(content.path("timeContext").path("durationMs").asLong()))
                : Optional.empty();
        return new QueryItem(name, content.path("title").asText(""), content.path("query").asText(), content.path("queryType").asInt(0),
                content.path("resourceType").asText(""), content.path("visualization").asText("table"), fromParameter,
                timeContext.filter(duration -> !duration.isZero()), visibility, layout, item);
    }

    private static List<WorkbookParameter> parameters(JsonNode parameters, String path) {
        List<WorkbookParameter> read = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            String name = parameter.path("name").asText("");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidWorkbookException(path + "[" + i + "].name", "a parameter name is letters, digits and '_', not starting with a"
                        + " digit; was " + parameter.path("name"));
            }
            JsonNode value = parameter.has("value") ? parameter.path("value") : parameter.has("timeContext") ? parameter.path("timeContext")
                    : MissingNode.getInstance();
            Optional<String> selectAll = text(parameter.path("typeSettings"), "selectAllValue").or(() -> text(parameter, "selectAllValue"));
            read.add(new WorkbookParameter(name, parameter.path("label").asText(name), parameter.path("type").asInt(1),
                    parameter.path("isRequired").asBoolean(false), parameter.path("multiSelect").asBoolean(false), parameter.path("quote").asText(""),
                    parameter.path("delimiter").asText(","), value, text(parameter, "jsonData"), text(parameter, "query"), selectAll, parameter));
        }
        return read;
    }

    private static List<WorkbookLink> links(JsonNode links) {
        List<WorkbookLink> read = new ArrayList<>();
        for (JsonNode link : links) {
            read.add(new WorkbookLink(link.path("id").asText(""), link.path("linkLabel").asText(""), link.path("linkTarget").asText(""),
                    link.path("cellValue").asText(""), link.path("subTarget").asText("")));
        }
        return read;
    }

    private static List<VisibilityCondition> visibility(JsonNode item, String path) {
        List<VisibilityCondition> conditions = new ArrayList<>();
        if (item.has("conditionalVisibility")) {
            conditions.add(condition(item.path("conditionalVisibility"), path + ".conditionalVisibility"));
        }
        JsonNode many = item.path("conditionalVisibilities");
        for (int i = 0; i < many.size(); i++) {
            conditions.add(condition(many.get(i), path + ".conditionalVisibilities[" + i + "]"));
        }
        return conditions;
    }

    private static VisibilityCondition condition(JsonNode condition, String path) {
        if (!condition.path("parameterName").isTextual()) {
            throw new InvalidWorkbookException(path + ".parameterName", "a visibility condition names the parameter it compares");
        }
        JsonNode value = condition.path("value");
        return new VisibilityCondition(condition.path("parameterName").asText(), condition.path("comparison").asText("isEqualTo"),
                value.isValueNode() ? value.asText() : value.isMissingNode() ? "" : value.toString());
    }

    private static OptionalInt width(JsonNode item) {
        String width = item.path("customWidth").asText("");
        try {
            return width.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Math.max(1, Math.min(100, (int) Double.parseDouble(width))));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
