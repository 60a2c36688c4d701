package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.workbook.notebook.NotebookDocument;
import dev.vigil.soc.workbook.notebook.QueryItem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A workbook being edited in the console: its name, the etag it was read at, and its top-level
 * items, each kept as its JSON so that settings the editor does not show are saved as they came.
 * The editor's form carries it whole (no state is kept on the server between its requests):
 * {@link #fromForm} reads it back with the user's edits, {@link #apply} adds, removes or moves an
 * item, and {@link #document} writes the {@code Notebook/1.0} document to save.
 */
record WorkbookDraft(String displayName, String etag, List<ObjectNode> items) {
    static final List<String> VISUALIZATIONS = List.of("table", "timechart", "barchart", "linechart", "areachart", "piechart", "scatterchart",
            "tiles", "stat");
    private static final ObjectMapper JSON = new ObjectMapper();

    WorkbookDraft {
        items = List.copyOf(items);
    }

    /** The saved document's items, as written. */
    static WorkbookDraft of(String displayName, String etag, NotebookDocument document) {
        List<ObjectNode> items = new ArrayList<>();
        document.json().path("items").forEach(item -> items.add(((ObjectNode) item).deepCopy()));
        return new WorkbookDraft(displayName, etag, items);
    }

    /**
     * The draft the editor's form holds: each item's JSON ({@code item.N.json}) with the fields the
     * editor shows for its type put in.
     *
     * @throws DraftException for a field whose value the item cannot take, naming it
     */
    static WorkbookDraft fromForm(Map<String, List<String>> form) {
        int count = number(first(form, "items"), "items");
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode item = itemJson(first(form, "item." + i + ".json"), i);
            ObjectNode content = item.withObjectProperty("content");
            String prefix = "item." + i + ".";
            switch (item.path("type").asInt()) {
                case 1 -> content.put("json", first(form, prefix + "markdown"));
                case 3 -> {
                    keep(content, "title", first(form, prefix + "title"), "");
                    content.put("query", first(form, prefix + "query"));
                    keep(content, "visualization", first(form, prefix + "visualization"), "table");
                    width(item, first(form, prefix + "width"), prefix + "width");
                }
                case 9 -> content.set("parameters", parameters(form, prefix, content.path("parameters")));
                default -> {
                    // groups, links and items Vigil does not draw are moved or removed here, not edited
                }
            }
            items.add(item);
        }
        return new WorkbookDraft(first(form, "displayName").strip(), first(form, "etag"), items);
    }

    /**
     * The draft after one of the editor's buttons: {@code add:text}, {@code add:query},
     * {@code add:parameters}, {@code up:N}, {@code down:N}, {@code delete:N}; anything else leaves it as it is.
     */
    WorkbookDraft apply(String action) {
        if (action == null) {
            return this;
        }
        List<ObjectNode> next = new ArrayList<>(items);
        String[] parts = action.split(":", 2);
        switch (parts[0]) {
            case "add" -> newItem(parts.length > 1 ? parts[1] : "").ifPresent(next::add);
            case "up", "down", "delete" -> {
                int at = parts.length > 1 && parts[1].matches("\\d{1,4}") ? Integer.parseInt(parts[1]) : -1;
                if (at < 0 || at >= next.size()) {
                    return this;
                }
                if (parts[0].equals("delete")) {
                    next.remove(at);
                } else {
                    int to = parts[0].equals("up") ? at - 1 : at + 1;
                    if (to < 0 || to >= next.size()) {
                        return this;
                    }
                    next.add(to, next.remove(at));
                }
            }
            default -> {
                return this;
            }
        }
        return new WorkbookDraft(displayName, etag, next);
    }

    /**
     * The document to save: the one the editor started from (its other settings kept) with the
     * draft's items. A query item without KQL is refused here rather than saved to fail when drawn.
     */
    JsonNode document(NotebookDocument original) {
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = items.get(i);
            if (item.path("type").asInt() == 3 && item.path("content").path("query").asText("").isBlank()) {
                throw new DraftException("item." + i + ".query", "Item " + (i + 1) + " (" + item.path("name").asText() + ") needs a query.");
            }
        }
        if (displayName.isBlank()) {
            throw new DraftException("displayName", "The workbook needs a name.");
        }
        ObjectNode document = ((ObjectNode) original.json()).deepCopy();
        ArrayNode array = document.putArray("items");
        items.forEach(array::add);
        return document;
    }

    /** The item's JSON as the form's hidden field carries it. */
    static String json(ObjectNode item) {
        return item.toString();
    }

    private Optional<ObjectNode> newItem(String kind) {
        ObjectNode item = JSON.createObjectNode();
        ObjectNode content = JSON.createObjectNode();
        switch (kind) {
            case "text" -> {
                item.put("type", 1);
                content.put("json", "## New section");
            }
            case "query" -> {
                item.put("type", 3);
                content.put("version", "KqlItem/1.0").put("query", "").put("size", 0).put("title", "").put("queryType", 0)
                        .put("resourceType", QueryItem.WORKSPACES).put("visualization", "table");
            }
            case "parameters" -> {
                item.put("type", 9);
                content.put("version", "KqlParameterItem/1.0").putArray("parameters");
                content.put("style", "pills").put("queryType", 0).put("resourceType", QueryItem.WORKSPACES);
            }
            default -> {
                return Optional.empty();
            }
        }
        item.set("content", content);
        item.put("name", freeName(kind));
        return Optional.of(item);
    }

    /** {@code query - N} with the first N no item of the draft is named yet, as Sentinel names new items. */
    private String freeName(String kind) {
        Set<String> taken = items.stream().map(item -> item.path("name").asText("")).collect(Collectors.toSet());
        for (int n = items.size(); ; n++) {
            String name = kind + " - " + n;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    private static ArrayNode parameters(Map<String, List<String>> form, String prefix, JsonNode before) {
        ArrayNode parameters = JSON.createArrayNode();
        int rows = number(first(form, prefix + "parameters"), prefix + "parameters");
        for (int j = 0; j < rows; j++) {
            String field = prefix + "parameter." + j + ".";
            String name = first(form, field + "name").strip();
            if (name.isEmpty()) {
                // a row left without a name is a parameter removed, or the blank row not used
                continue;
            }
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new DraftException(field + "name", "A parameter name is letters, digits and '_', not starting with a digit; '" + name
                        + "' is not.");
            }
            ObjectNode parameter = j < before.size() && before.get(j).isObject() ? ((ObjectNode) before.get(j)).deepCopy() : JSON.createObjectNode()
                    .put("id", UUID.randomUUID().toString()).put("version", "KqlParameterItem/1.0");
            int type = number(first(form, field + "type"), field + "type");
            String label = first(form, field + "label").strip();
            parameter.put("name", name).put("type", type);
            keep(parameter, "label", label.isEmpty() ? name : label, name);
            boolean required = form.containsKey(field + "required");
            boolean multiple = form.containsKey(field + "multiple");
            if (parameter.has("isRequired") || required) {
                parameter.put("isRequired", required);
            }
            if (parameter.has("multiSelect") || multiple) {
                parameter.put("multiSelect", multiple);
            }
            if (multiple && !parameter.has("quote")) {
                parameter.put("quote", "'").put("delimiter", ",");
            }
            optional(parameter, "jsonData", first(form, field + "options"));
            optional(parameter, "query", first(form, field + "query"));
            defaultValue(parameter, type, multiple, first(form, field + "default").strip(), field + "default");
            parameters.add(parameter);
        }
        return parameters;
    }

    /** A parameter's {@code value}: a time range as {@code {"durationMs"}} (written as P7D, PT4H or milliseconds), several values as an array. */
    private static void defaultValue(ObjectNode parameter, int type, boolean multiple, String text, String field) {
        parameter.remove("value");
        if (text.isEmpty()) {
            return;
        }
        if (type == 4) {
            try {
                Duration duration = text.matches("\\d+") ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text);
                if (duration.isNegative() || duration.isZero()) {
                    throw new DraftException(field, "A time range's default must be longer than zero; was " + text + ".");
                }
                parameter.putObject("value").put("durationMs", duration.toMillis());
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new DraftException(field, "A time range's default is a duration such as P7D or PT4H, or milliseconds; was '" + text + "'.");
            }
        } else if (multiple) {
            ArrayNode values = parameter.putArray("value");
            for (String value : text.split(",")) {
                if (!value.isBlank()) {
                    values.add(value.strip());
                }
            }
        } else {
            parameter.put("value", text);
        }
    }

    /** Sets the field, unless the document left it out and the value is what leaving it out means. */
    private static void keep(ObjectNode node, String field, String value, String absentMeans) {
        if (node.has(field) || !value.equals(absentMeans)) {
            node.put(field, value);
        }
    }

    private static void optional(ObjectNode parameter, String field, String value) {
        if (value.isBlank()) {
            parameter.remove(field);
        } else {
            parameter.put(field, value);
        }
    }

    private static void width(ObjectNode item, String width, String field) {
        String percent = width.strip();
        if (percent.isEmpty() || percent.equals("100")) {
            item.remove("customWidth");
        } else if (percent.matches("\\d{1,3}") && Integer.parseInt(percent) >= 1 && Integer.parseInt(percent) <= 100) {
            item.put("customWidth", percent);
        } else {
            throw new DraftException(field, "A width is a percentage from 1 to 100; was '" + percent + "'.");
        }
    }

    private static ObjectNode itemJson(String text, int index) {
        try {
            JsonNode item = JSON.readTree(text);
            if (item != null && item.isObject()) {
                return (ObjectNode) item;
            }
        } catch (JsonProcessingException e) {
            // the message below covers it: the field is the editor's own and was changed outside it
        }
        throw new DraftException("item." + index + ".json", "Item " + (index + 1) + " did not come back from the page as it was sent; reload the"
                + " editor.");
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new DraftException(field, "The editor's field " + field + " is not a number; reload the editor.");
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
