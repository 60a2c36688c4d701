package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One top-level item in the editor, with the fields it offers for its kind: markdown for text, title,
 * KQL, visualization and width for a query, rows for parameters. Groups, links and items Vigil does
 * not draw are moved and removed only ({@code summary} says what they are).
 *
 * @param kind {@code text}, {@code query}, {@code parameters} or {@code other}
 * @param json the item as written, which the form carries back
 */
public record EditorItem(int index, boolean first, boolean last, String kind, String name, String summary, String json, String markdown,
        String title, String query, String visualization, String width, List<EditorParameter> parameters) {

    static EditorItem of(int index, int count, ObjectNode item) {
        JsonNode content = item.path("content");
        int type = item.path("type").asInt();
        String kind = switch (type) {
            case 1 -> "text";
            case 3 -> "query";
            case 9 -> "parameters";
            default -> "other";
        };
        List<EditorParameter> parameters = new ArrayList<>();
        if (type == 9) {
            JsonNode list = content.path("parameters");
            for (int j = 0; j < list.size(); j++) {
                parameters.add(EditorParameter.of(j, list.get(j)));
            }
            parameters.add(EditorParameter.blank(list.size()));
        }
        return new EditorItem(index, index == 0, index == count - 1, kind, item.path("name").asText(""), summary(type, content),
                WorkbookDraft.json(item), content.path("json").asText(""), content.path("title").asText(""), content.path("query").asText(""),
                content.path("visualization").asText("table"), item.path("customWidth").asText(""), parameters);
    }

    private static String summary(int type, JsonNode content) {
        return switch (type) {
            case 1 -> "Text";
            case 3 -> "Query";
            case 9 -> "Parameters";
            case 11 -> "Links or tabs (" + content.path("links").size() + "), moved or removed here; edit them in the JSON";
            case 12 -> "Group of " + content.path("items").size() + " items, moved or removed here; edit it in the JSON";
            default -> "Item of type " + type + ", which Vigil does not draw; moved or removed here";
        };
    }
}
