package dev.vigil.server.console.workbooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        JsonNode before = content.path("gridSettings").path("formatters");
        ArrayNode formatters = JSON.createArrayNode();
        int rows = WorkbookDraft.number(WorkbookDraft.first(form, prefix + "formatters"), prefix + "formatters");
        for (int j = 0; j < rows; j++) {
            String field = prefix + "formatter." + j + ".";
            String column = WorkbookDraft.first(form, field + "column").strip();
            if (column.isEmpty()) {
                continue;
            }
            ObjectNode formatter = j < before.size() && before.get(j).isObject() ? ((ObjectNode) before.get(j)).deepCopy() : JSON.createObjectNode();
            formatter.put("columnMatch", column).put("formatter", WorkbookDraft.number(WorkbookDraft.first(form, field + "type"), field + "type"));
            formatters.add(formatter);
        }
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
        JsonNode before = content.path("links");
        ArrayNode links = JSON.createArrayNode();
        int rows = WorkbookDraft.number(WorkbookDraft.first(form, prefix + "links"), prefix + "links");
        for (int j = 0; j < rows; j++) {
            String field = prefix + "link." + j + ".";
            String label = WorkbookDraft.first(form, field + "label").strip();
            if (label.isEmpty()) {
                continue;
            }
            String target = WorkbookDraft.first(form, field + "target").strip();
            String cell = WorkbookDraft.first(form, field + "cell").strip();
            if (target.equals("parameter") && !cell.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new DraftException(field + "cell", "A tab sets a parameter named with letters, digits and '_'; '" + cell + "' is not one.");
            }
            if (target.equals("url") && !cell.startsWith("https://")) {
                throw new DraftException(field + "cell", "A link opens an https:// address; '" + cell + "' is not one.");
            }
            ObjectNode link = j < before.size() && before.get(j).isObject() ? ((ObjectNode) before.get(j)).deepCopy()
                    : JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("style", "link");
            link.put("linkLabel", label).put("linkTarget", target).put("cellValue", cell);
            String value = WorkbookDraft.first(form, field + "value");
            if (target.equals("parameter")) {
                link.put("subTarget", value.strip());
            } else if (link.has("subTarget") && value.isBlank()) {
                link.remove("subTarget");
            }
            links.add(link);
        }
        content.set("links", links);
    }
}
