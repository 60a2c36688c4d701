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
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A workbook being edited in the console: its name, the etag it was read at, and its top-level
 * items (a group holding its own), each kept as its JSON so that settings the editor does not show
 * are saved as they came. The editor's form carries it whole (no state is kept on the server
 * between its requests): {@link #fromForm} reads it back with the user's edits, {@link #apply} adds,
 * removes or moves an item, and {@link #document} writes the {@code Notebook/1.0} document to save.
 * An item is named by its path, its index and those of the groups it sits in ({@code 2}, {@code 2.0});
 * its form fields are {@code item.<path>.<field>}.
 */
record WorkbookDraft(String displayName, String etag, List<ObjectNode> items, Map<String, String> problems) {
    static final List<String> VISUALIZATIONS = List.of("table", "timechart", "barchart", "linechart", "areachart", "piechart", "scatterchart",
            "tiles", "stat", "map");
    private static final ObjectMapper JSON = new ObjectMapper();

    WorkbookDraft {
        items = List.copyOf(items);
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** The saved document's items, as written. */
    static WorkbookDraft of(String displayName, String etag, NotebookDocument document) {
        List<ObjectNode> items = new ArrayList<>();
        document.json().path("items").forEach(item -> items.add(((ObjectNode) item).deepCopy()));
        return new WorkbookDraft(displayName, etag, items, Map.of());
    }

    /**
     * The draft the editor's form holds: each item's JSON ({@code item.<path>.json}, a group's
     * without its items, which follow as fields of their own) with the fields the editor shows for
     * its type put in. A value an item cannot take is kept as typed, so that the editor shows it again,
     * and noted in {@link #problems()} by field; nothing the user typed is lost.
     *
     * @throws DraftException when the form is not the editor's own (an item's JSON or a count changed outside it)
     */
    static WorkbookDraft fromForm(Map<String, List<String>> form) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<ObjectNode> items = new ArrayList<>();
        items(form, "item.", number(first(form, "items"), "items"), problems).forEach(item -> items.add((ObjectNode) item));
        return new WorkbookDraft(first(form, "displayName").strip(), first(form, "etag"), items, problems);
    }

    private static ArrayNode items(Map<String, List<String>> form, String base, int count, Map<String, String> problems) {
        ArrayNode items = JSON.createArrayNode();
        for (int i = 0; i < count; i++) {
            items.add(item(form, base + i + ".", problems));
        }
        return items;
    }

    private static ObjectNode item(Map<String, List<String>> form, String prefix, Map<String, String> problems) {
        ObjectNode item = itemJson(first(form, prefix + "json"), prefix);
        ObjectNode content = item.withObjectProperty("content");
        switch (item.path("type").asInt()) {
            case 1 -> content.put("json", first(form, prefix + "markdown"));
            case 3 -> {
                keep(content, "title", first(form, prefix + "title"), "");
                content.put("query", first(form, prefix + "query"));
                keep(content, "visualization", first(form, prefix + "visualization"), "table");
                width(item, first(form, prefix + "width"), prefix + "width", problems);
                ItemSettings.formatters(form, prefix, content, problems);
                ItemSettings.tiles(form, prefix, content);
            }
            case 9 -> content.set("parameters", parameters(form, prefix, content.path("parameters"), problems));
            case 11 -> ItemSettings.links(form, prefix, content, problems);
            case 12 -> {
                keep(content, "title", first(form, prefix + "title"), "");
                width(item, first(form, prefix + "width"), prefix + "width", problems);
                content.set("items", items(form, prefix, number(first(form, prefix + "items"), prefix + "items"), problems));
            }
            default -> {
                // items Vigil does not draw are moved or removed here, not edited
            }
        }
        ItemSettings.conditions(form, prefix, item, problems);
        return item;
    }

    /**
     * The draft after one of the editor's buttons: {@code add:KIND} at the end of the workbook or
     * {@code add:KIND@PATH} at the end of that group (KIND {@code text}, {@code query},
     * {@code parameters}, {@code links} or {@code group}), {@code up:PATH}, {@code down:PATH},
     * {@code delete:PATH} within the item's own list, {@code in:PATH} into the group just above it
     * (at its end) and {@code out:PATH} out of its group (to just after it); anything else leaves it as it is.
     */
    WorkbookDraft apply(String action) {
        if (action == null) {
            return this;
        }
        ArrayNode root = JSON.createArrayNode();
        items.forEach(item -> root.add(item.deepCopy()));
        String[] parts = action.split(":", 2);
        String argument = parts.length > 1 ? parts[1] : "";
        boolean changed = switch (parts[0]) {
            case "add" -> {
                String[] where = argument.split("@", 2);
                Optional<ArrayNode> list = where.length == 1 ? Optional.of(root) : path(where[1]).flatMap(path -> groupItems(root, path));
                Optional<ObjectNode> item = newItem(where[0]);
                list.ifPresent(target -> item.ifPresent(target::add));
                yield list.isPresent() && item.isPresent();
            }
            case "up", "down", "delete" -> path(argument).map(path -> move(root, path, parts[0])).orElse(false);
            case "in" -> path(argument).map(path -> intoGroupAbove(root, path)).orElse(false);
            case "out" -> path(argument).map(path -> outOfGroup(root, path)).orElse(false);
            default -> false;
        };
        if (!changed) {
            return this;
        }
        List<ObjectNode> next = new ArrayList<>();
        root.forEach(item -> next.add((ObjectNode) item));
        // an item added at the end moves no field; after a move the fields' names point elsewhere, and the next read finds the problems again
        return new WorkbookDraft(displayName, etag, next, parts[0].equals("add") ? problems : Map.of());
    }

    private static boolean move(ArrayNode root, List<Integer> path, String verb) {
        Optional<ArrayNode> found = path.size() == 1 ? Optional.of(root) : groupItems(root, path.subList(0, path.size() - 1));
        int at = path.get(path.size() - 1);
        if (found.isEmpty() || at >= found.get().size()) {
            return false;
        }
        ArrayNode list = found.get();
        if (verb.equals("delete")) {
            list.remove(at);
            return true;
        }
        int to = verb.equals("up") ? at - 1 : at + 1;
        if (to < 0 || to >= list.size()) {
            return false;
        }
        JsonNode moved = list.remove(at);
        list.insert(to, moved);
        return true;
    }

    /** The item at {@code path} moved to the end of the group just above it in its list. */
    private static boolean intoGroupAbove(ArrayNode root, List<Integer> path) {
        int at = path.get(path.size() - 1);
        List<Integer> above = new ArrayList<>(path.subList(0, path.size() - 1));
        above.add(at - 1);
        Optional<ArrayNode> list = path.size() == 1 ? Optional.of(root) : groupItems(root, path.subList(0, path.size() - 1));
        Optional<ArrayNode> group = at > 0 ? groupItems(root, above) : Optional.empty();
        if (list.isEmpty() || group.isEmpty() || at >= list.get().size()) {
            return false;
        }
        group.get().add(list.get().remove(at));
        return true;
    }

    /** The item at {@code path}, inside a group, moved out to just after that group. */
    private static boolean outOfGroup(ArrayNode root, List<Integer> path) {
        if (path.size() < 2) {
            return false;
        }
        List<Integer> groupPath = path.subList(0, path.size() - 1);
        Optional<ArrayNode> group = groupItems(root, groupPath);
        Optional<ArrayNode> parent = groupPath.size() == 1 ? Optional.of(root) : groupItems(root, groupPath.subList(0, groupPath.size() - 1));
        int at = path.get(path.size() - 1);
        if (group.isEmpty() || parent.isEmpty() || at >= group.get().size()) {
            return false;
        }
        parent.get().insert(groupPath.get(groupPath.size() - 1) + 1, group.get().remove(at));
        return true;
    }

    /** The items of the group at {@code path}, if there is a group there. */
    private static Optional<ArrayNode> groupItems(ArrayNode root, List<Integer> path) {
        ArrayNode list = root;
        for (int index : path) {
            JsonNode item = list.get(index);
            if (item == null || item.path("type").asInt() != 12) {
                return Optional.empty();
            }
            list = ((ObjectNode) item).withObjectProperty("content").withArrayProperty("items");
        }
        return Optional.of(list);
    }

    /** {@code 2.0} as [2, 0]; nothing for text that is not a path. */
    private static Optional<List<Integer>> path(String text) {
        if (!text.matches("\\d{1,4}(\\.\\d{1,4}){0,7}")) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(text.split("\\.")).map(Integer::parseInt).toList());
    }

    /**
     * What stops the draft from being saved, by field: the values the form could not take, a query
     * item without KQL (refused here rather than saved to fail when drawn), a workbook without a name.
     */
    Map<String, String> saveProblems() {
        Map<String, String> all = new LinkedHashMap<>(problems);
        for (int i = 0; i < items.size(); i++) {
            checkQueries(items.get(i), Integer.toString(i), all);
        }
        if (displayName.isBlank()) {
            all.putIfAbsent("displayName", "The workbook needs a name.");
        }
        return all;
    }

    /** The document to save: the one the editor started from (its other settings kept) with the draft's items. */
    JsonNode document(NotebookDocument original) {
        ObjectNode document = ((ObjectNode) original.json()).deepCopy();
        ArrayNode array = document.putArray("items");
        items.forEach(array::add);
        return document;
    }

    private static void checkQueries(JsonNode item, String path, Map<String, String> problems) {
        if (item.path("type").asInt() == 3 && item.path("content").path("query").asText("").isBlank()) {
            problems.putIfAbsent("item." + path + ".query", "Item " + path + " (" + item.path("name").asText() + ") needs a query.");
        }
        JsonNode children = item.path("type").asInt() == 12 ? item.path("content").path("items") : JSON.createArrayNode();
        for (int j = 0; j < children.size(); j++) {
            checkQueries(children.get(j), path + "." + j, problems);
        }
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
            case "links" -> {
                item.put("type", 11);
                content.put("version", "LinkItem/1.0").put("style", "tabs").putArray("links");
            }
            case "group" -> {
                item.put("type", 12);
                content.put("version", "NotebookGroup/1.0").put("groupType", "editable").putArray("items");
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
        Set<String> taken = new HashSet<>();
        items.forEach(item -> names(item, taken));
        for (int n = taken.size(); ; n++) {
            String name = kind + " - " + n;
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    private static void names(JsonNode item, Set<String> names) {
        names.add(item.path("name").asText(""));
        if (item.path("type").asInt() == 12) {
            item.path("content").path("items").forEach(child -> names(child, names));
        }
    }

    private static ArrayNode parameters(Map<String, List<String>> form, String prefix, JsonNode before, Map<String, String> problems) {
        return ItemSettings.rows(form, prefix, "parameter", "name", before,
                () -> JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("version", "KqlParameterItem/1.0"), problems,
                (field, name, parameter) -> {
                    String defaultBefore = EditorParameter.of(0, parameter).defaultValue();
                    boolean multipleBefore = parameter.path("multiSelect").asBoolean(false);
                    int typeBefore = parameter.path("type").asInt(1);
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
                    FormText.put(form, field + "quote", parameter, List.of("quote"), FormText.Kind.TEXT, problems);
                    FormText.put(form, field + "delimiter", parameter, List.of("delimiter"), FormText.Kind.TEXT, problems);
                    if (multiple && !parameter.has("quote")) {
                        parameter.put("quote", "'").put("delimiter", ",");
                    }
                    optional(parameter, "jsonData", first(form, field + "options"));
                    optional(parameter, "query", first(form, field + "query"));
                    allOption(form, field, parameter, problems);
                    timeRanges(form, field + "timeRanges", parameter, problems);
                    String defaultText = first(form, field + "default").strip();
                    // an unchanged default stays as the document wrote it; it is written again when it, the type or the several values change
                    if (form.containsKey(field + "default") && (!defaultText.equals(defaultBefore) || type != typeBefore || multiple != multipleBefore)) {
                        defaultValue(parameter, type, multiple, defaultText, field + "default", problems);
                    }
                    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw new DraftException(field + "name", "A parameter name is letters, digits and '_', not starting with a digit; '" + name
                                + "' is not.");
                    }
                });
    }

    /**
     * Whether a drop-down offers "All" ({@code value::all} among {@code typeSettings.additionalResourceOptions}) and what it stands
     * for ({@code selectAllValue}). The checkbox comes with a hidden field of the same name, so that an unticked box is told from
     * a form without it.
     */
    private static void allOption(Map<String, List<String>> form, String field, ObjectNode parameter, Map<String, String> problems) {
        List<String> all = form.get(field + "all");
        if (all != null) {
            boolean offered = all.contains("on");
            JsonNode options = parameter.path("typeSettings").path("additionalResourceOptions");
            boolean had = false;
            for (JsonNode option : options) {
                had |= option.asText("").equals("value::all");
            }
            if (offered && !had) {
                parameter.withObjectProperty("typeSettings").withArrayProperty("additionalResourceOptions").add("value::all");
            } else if (!offered && had) {
                ArrayNode kept = JSON.createArrayNode();
                options.forEach(option -> {
                    if (!option.asText("").equals("value::all")) {
                        kept.add(option);
                    }
                });
                ((ObjectNode) parameter.get("typeSettings")).set("additionalResourceOptions", kept);
            }
        }
        boolean topLevel = !parameter.path("typeSettings").has("selectAllValue") && parameter.has("selectAllValue");
        FormText.put(form, field + "allValue", parameter, topLevel ? List.of("selectAllValue") : List.of("typeSettings", "selectAllValue"),
                FormText.Kind.TEXT, problems);
    }

    /** A time range's choices ({@code typeSettings.selectableValues}) from durations such as {@code PT1H, P1D, P7D}. */
    private static void timeRanges(Map<String, List<String>> form, String field, ObjectNode parameter, Map<String, String> problems) {
        if (!form.containsKey(field)) {
            return;
        }
        String text = first(form, field).strip();
        JsonNode before = parameter.path("typeSettings").path("selectableValues");
        if (text.equals(EditorParameter.timeRangesText(before))) {
            return;
        }
        if (text.isEmpty()) {
            if (parameter.path("typeSettings").isObject()) {
                ((ObjectNode) parameter.get("typeSettings")).remove("selectableValues");
            }
            return;
        }
        ArrayNode choices = JSON.createArrayNode();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                Duration duration = duration(part.strip());
                choices.addObject().put("durationMs", duration.toMillis());
            } catch (DraftException e) {
                // kept as typed, so that the editor shows it again beside the problem
                parameter.withObjectProperty("typeSettings").put("selectableValues", text);
                problems.putIfAbsent(field, "Time ranges are durations separated by commas, such as PT1H, P1D, P7D; '" + part.strip()
                        + "' is not one.");
                return;
            }
        }
        parameter.withObjectProperty("typeSettings").set("selectableValues", choices);
    }

    /** A positive duration written as P7D, PT4H or milliseconds. */
    private static Duration duration(String text) {
        try {
            Duration duration = text.matches("\\d+") ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text.toUpperCase(Locale.ROOT));
            if (duration.isNegative() || duration.isZero()) {
                throw new DraftException("", "must be longer than zero");
            }
            return duration;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new DraftException("", "is no duration");
        }
    }

    /** A parameter's {@code value}: a time range as {@code {"durationMs"}} (written as P7D, PT4H or milliseconds), several values as an array. */
    private static void defaultValue(ObjectNode parameter, int type, boolean multiple, String text, String field, Map<String, String> problems) {
        parameter.remove("value");
        if (text.isEmpty()) {
            return;
        }
        if (type == 4) {
            try {
                long millis = duration(text).toMillis();
                ObjectNode value = parameter.putObject("value");
                if (millis <= Integer.MAX_VALUE) {
                    value.put("durationMs", (int) millis);
                } else {
                    value.put("durationMs", millis);
                }
            } catch (DraftException e) {
                parameter.put("value", text);
                problems.putIfAbsent(field, "A time range's default is a duration longer than zero, such as P7D or PT4H, or milliseconds; was '"
                        + text + "'.");
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
    static void keep(ObjectNode node, String field, String value, String absentMeans) {
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

    private static void width(ObjectNode item, String width, String field, Map<String, String> problems) {
        String percent = width.strip();
        if (percent.equals(item.path("customWidth").asText("").strip())) {
            return;
        }
        if (percent.isEmpty() || percent.equals("100")) {
            item.remove("customWidth");
        } else {
            item.put("customWidth", percent);
            if (!percent.matches("\\d{1,3}") || Integer.parseInt(percent) < 1 || Integer.parseInt(percent) > 100) {
                problems.putIfAbsent(field, "A width is a percentage from 1 to 100; was '" + percent + "'.");
            }
        }
    }

    private static ObjectNode itemJson(String text, String prefix) {
        try {
            JsonNode item = JSON.readTree(text);
            if (item != null && item.isObject()) {
                return (ObjectNode) item;
            }
        } catch (JsonProcessingException e) {
            // the message below covers it: the field is the editor's own and was changed outside it
        }
        String path = prefix.substring("item.".length(), prefix.length() - 1);
        throw new DraftException(prefix + "json", "Item " + path + " did not come back from the page as it was sent; reload the editor.");
    }

    static int number(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new DraftException(field, "The editor's field " + field + " is not a number; reload the editor.");
        }
    }

    static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
