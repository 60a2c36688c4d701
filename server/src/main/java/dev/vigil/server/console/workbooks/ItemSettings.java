package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The editor's rows of settings read back into an item's content: a query's grid column
 * formatters ({@code gridSettings.formatters}) and tile columns ({@code tileSettings}), and a
 * links item's style and links. A row keeps what the document wrote for it beyond the fields the
 * editor shows (a formatter's options, a link's id); a row left without its key is one removed,
 * or the blank row not used.
 */
final class ItemSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ItemSettings() {
    }

    /** {@code PREFIX formatter.N.column} and {@code .type} rows into {@code gridSettings.formatters}. */
    static void formatters(Map<String, List<String>> form, String prefix, ObjectNode content) {
        if (!form.containsKey(prefix + "formatters")) {
            return;
        }
        ArrayNode formatters = rows(form, prefix, "formatter", "column", content.path("gridSettings").path("formatters"), JSON::createObjectNode,
                (field, column, formatter) -> formatter.put("columnMatch", column)
                        .put("formatter", WorkbookDraft.number(WorkbookDraft.first(form, field + "type"), field + "type")));
        if (formatters.isEmpty() && !content.has("gridSettings")) {
            return;
        }
        content.withObjectProperty("gridSettings").set("formatters", formatters);
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
     * {@code PREFIX style} and the {@code PREFIX link.N.label}, {@code .target}, {@code .cell} and
     * {@code .value} rows into the links item's {@code style} and {@code links}.
     */
    static void links(Map<String, List<String>> form, String prefix, ObjectNode content) {
        String style = WorkbookDraft.first(form, prefix + "style").strip();
        if (!style.isEmpty()) {
            content.put("style", style);
        }
        ArrayNode links = rows(form, prefix, "link", "label", content.path("links"),
                () -> JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("style", "link"), (field, label, link) -> {
                    String target = WorkbookDraft.first(form, field + "target").strip();
                    String cell = WorkbookDraft.first(form, field + "cell").strip();
                    if (target.equals("parameter") && !cell.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                        throw new DraftException(field + "cell", "A tab sets a parameter named with letters, digits and '_'; '" + cell + "' is not one.");
                    }
                    if (target.equals("url") && !cell.startsWith("https://")) {
                        throw new DraftException(field + "cell", "A link opens an https:// address; '" + cell + "' is not one.");
                    }
                    link.put("linkLabel", label).put("linkTarget", target).put("cellValue", cell);
                    String value = WorkbookDraft.first(form, field + "value");
                    if (target.equals("parameter")) {
                        link.put("subTarget", value.strip());
                    } else if (link.has("subTarget") && value.isBlank()) {
                        link.remove("subTarget");
                    }
                });
        content.set("links", links);
    }

    /**
     * The rows {@code PREFIX ROW.N.} that the count field {@code PREFIX ROWs} says the form has, each read by {@code reader} into a
     * copy of the node the document had at its place (so what the editor does not show is kept) or, for a row beyond them, into
     * {@code fresh}; a row whose {@code key} field is blank is one removed, or the blank row not used, and is left out.
     */
    static ArrayNode rows(Map<String, List<String>> form, String prefix, String row, String key, JsonNode before, Supplier<ObjectNode> fresh,
            RowReader reader) {
        ArrayNode rows = JSON.createArrayNode();
        int count = WorkbookDraft.number(WorkbookDraft.first(form, prefix + row + "s"), prefix + row + "s");
        for (int j = 0; j < count; j++) {
            String field = prefix + row + "." + j + ".";
            String keyText = WorkbookDraft.first(form, field + key).strip();
            if (keyText.isEmpty()) {
                continue;
            }
            ObjectNode node = j < before.size() && before.get(j).isObject() ? ((ObjectNode) before.get(j)).deepCopy() : fresh.get();
            reader.read(field, keyText, node);
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
