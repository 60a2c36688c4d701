package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * One item in the editor, with the fields it offers for its kind: markdown for text; title, KQL,
 * visualization, width, grid column formatters with their options and tile columns for a query;
 * rows for parameters; style and rows for links or tabs; title, width and its own items for a group;
 * and for every kind its conditional visibility. Items Vigil does not draw are moved, removed and
 * shown or hidden only ({@code summary} says what they are).
 *
 * @param path the item's index, after those of the groups it sits in ({@code 2.0}); its form fields are {@code item.<path>.<field>}
 * @param afterGroup whether the item just above it in its list is a group, which it can be moved into
 * @param kind {@code text}, {@code query}, {@code parameters}, {@code links}, {@code group} or {@code other}
 * @param json the item as written (a group's without its items, which are {@code children}), which the form carries back
 */
public record EditorItem(String path, int depth, boolean first, boolean last, boolean afterGroup, String kind, String name, String summary, String json,
        String markdown, String title, String query, String visualization, String width, List<EditorParameter> parameters, String style,
        List<EditorLink> links, List<EditorFormatter> formatters, String tileTitle, String tileValue, List<EditorCondition> conditions,
        List<EditorItem> children) {
    public static final List<String> LINK_STYLES = List.of("tabs", "paragraph", "pills", "list");

    static EditorItem of(int index, List<ObjectNode> items) {
        return of(Integer.toString(index), 0, index, items.size(), index > 0 && items.get(index - 1).path("type").asInt() == 12, items.get(index));
    }

    private static EditorItem of(String path, int depth, int index, int count, boolean afterGroup, ObjectNode item) {
        JsonNode content = item.path("content");
        int type = item.path("type").asInt();
        String kind = switch (type) {
            case 1 -> "text";
            case 3 -> "query";
            case 9 -> "parameters";
            case 11 -> "links";
            case 12 -> "group";
            default -> "other";
        };
        List<EditorParameter> parameters = rows(type == 9, content.path("parameters"), EditorParameter::of, EditorParameter::blank);
        List<EditorLink> links = rows(type == 11, content.path("links"), EditorLink::of, EditorLink::blank);
        List<EditorFormatter> formatters = rows(type == 3, content.path("gridSettings").path("formatters"), EditorFormatter::of,
                EditorFormatter::blank);
        List<EditorItem> children = new ArrayList<>();
        ObjectNode carried = item;
        if (type == 12) {
            JsonNode list = content.path("items");
            for (int j = 0; j < list.size(); j++) {
                if (list.get(j).isObject()) {
                    boolean groupAbove = j > 0 && list.get(j - 1).path("type").asInt() == 12;
                    children.add(of(path + "." + j, depth + 1, j, list.size(), groupAbove, (ObjectNode) list.get(j)));
                }
            }
            carried = item.deepCopy();
            carried.withObjectProperty("content").putArray("items");
        }
        List<EditorCondition> conditions = rows(true, conditions(item), EditorCondition::of, EditorCondition::blank);
        JsonNode tiles = content.path("tileSettings");
        return new EditorItem(path, depth, index == 0, index == count - 1, afterGroup, kind, item.path("name").asText(""), summary(type, content),
                WorkbookDraft.json(carried), content.path("json").asText(""), content.path("title").asText(""), content.path("query").asText(""),
                content.path("visualization").asText("table"), item.path("customWidth").asText(""), parameters, content.path("style").asText("list"),
                links, formatters, tiles.path("titleContent").path("columnMatch").asText(""), tiles.path("leftContent").path("columnMatch").asText(""),
                conditions, children);
    }

    /** The item's visibility conditions as one list: {@code conditionalVisibility}, then {@code conditionalVisibilities}. */
    static ArrayNode conditions(JsonNode item) {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        if (item.path("conditionalVisibility").isObject()) {
            all.add(item.path("conditionalVisibility"));
        }
        item.path("conditionalVisibilities").forEach(condition -> {
            if (condition.isObject()) {
                all.add(condition);
            }
        });
        return all;
    }

    /** The editor's rows of one of the item's lists, when its kind shows them: one per element, and a blank one last, for a new one. */
    private static <T> List<T> rows(boolean shown, JsonNode list, BiFunction<Integer, JsonNode, T> of, IntFunction<T> blank) {
        List<T> rows = new ArrayList<>();
        if (shown) {
            for (int j = 0; j < list.size(); j++) {
                rows.add(of.apply(j, list.get(j)));
            }
            rows.add(blank.apply(list.size()));
        }
        return rows;
    }

    public List<EditorChoice> styleChoices() {
        return EditorChoice.of(LINK_STYLES, style, name -> name);
    }

    /** The visualizations the editor offers, with the item's own when it is another. */
    public List<EditorChoice> visualizations() {
        return EditorChoice.of(WorkbookDraft.VISUALIZATIONS, visualization, name -> name);
    }

    /** The link styles the editor offers, with the item's own when it is another. */
    public List<String> styles() {
        List<String> styles = new ArrayList<>(LINK_STYLES);
        if (!styles.contains(style)) {
            styles.add(style);
        }
        return styles;
    }

    private static String summary(int type, JsonNode content) {
        return switch (type) {
            case 1 -> "Text";
            case 3 -> "Query";
            case 9 -> "Parameters";
            case 11 -> "Links or tabs";
            case 12 -> "Group";
            default -> "Item of type " + type + ", which Vigil does not draw; moved or removed here";
        };
    }
}
