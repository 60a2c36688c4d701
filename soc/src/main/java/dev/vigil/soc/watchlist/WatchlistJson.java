package dev.vigil.soc.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Watchlists and their items in the JSON shape of Sentinel's {@code watchlists} and
 * {@code watchlistItems} resources. Reading refuses the first wrong value with its JSON path.
 */
public final class WatchlistJson {
    /** Sentinel takes files up to 3.8 MB through its API. */
    static final int MAX_CONTENT_CHARS = 3_800_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROOT = Set.of("id", "name", "type", "etag", "properties");
    private static final Set<String> PROPERTIES = Set.of("displayName", "provider", "source", "sourceType", "itemsSearchKey", "contentType",
            "rawContent", "description", "numberOfLinesToSkip", "watchlistAlias", "watchlistId", "created", "updated", "createdBy", "updatedBy",
            "isDeleted", "labels", "defaultDuration", "tenantId", "watchlistType");
    private static final Set<String> ITEM_PROPERTIES = Set.of("itemsKeyValue", "watchlistItemId", "created", "updated", "createdBy", "updatedBy",
            "isDeleted", "tenantId", "watchlistItemType");

    private WatchlistJson() {
    }

    public static Optional<String> etag(JsonNode body) {
        JsonNode etag = body == null ? null : body.get("etag");
        return etag == null || !etag.isTextual() || etag.asText().isBlank() ? Optional.empty() : Optional.of(etag.asText().replace("\"", "").strip());
    }

    /** Reads a watchlist body: its description and its CSV, which must hold the {@code itemsSearchKey} column. */
    public static WatchlistDefinition read(JsonNode body, String alias) {
        JsonNode properties = members(members(body, "body", ROOT).get("properties"), "properties", PROPERTIES);
        String displayName = requiredText(properties, "displayName", 256);
        String provider = requiredText(properties, "provider", 256);
        String source = text(properties, "source").orElse("");
        String searchKey = requiredText(properties, "itemsSearchKey", 128);
        Optional<String> named = text(properties, "watchlistAlias");
        if (named.isPresent() && !named.get().equals(alias)) {
            throw new InvalidWatchlistException("properties.watchlistAlias", "'" + named.get() + "' is not the alias in the path, '" + alias + "'");
        }
        String contentType = text(properties, "contentType").orElse("text/csv");
        if (!contentType.equalsIgnoreCase("text/csv")) {
            throw new InvalidWatchlistException("properties.contentType", "'" + contentType + "' is not text/csv, the content type Vigil reads");
        }
        String raw = requiredText(properties, "rawContent", MAX_CONTENT_CHARS);
        JsonNode skip = properties.get("numberOfLinesToSkip");
        int linesToSkip = 0;
        if (skip != null && !skip.isNull()) {
            if (!skip.isIntegralNumber() || skip.intValue() < 0 || skip.intValue() > 1000) {
                throw new InvalidWatchlistException("properties.numberOfLinesToSkip", "must be a whole number from 0 to 1000");
            }
            linesToSkip = skip.intValue();
        }
        WatchlistContent content = WatchlistContent.parse(raw, linesToSkip, "properties.rawContent");
        if (!content.columns().contains(searchKey)) {
            throw new InvalidWatchlistException("properties.itemsSearchKey", "'" + searchKey + "' is not a column of the content; its columns are "
                    + String.join(", ", content.columns()));
        }
        return new WatchlistDefinition(displayName, provider, source, searchKey, text(properties, "description").orElse(""), content);
    }

    /** Reads an item body {@code {"properties":{"itemsKeyValue":{...}}}}: a value for each of the watchlist's columns, no other. */
    public static Map<String, String> readItem(JsonNode body, Watchlist watchlist) {
        JsonNode properties = members(members(body, "body", ROOT).get("properties"), "properties", ITEM_PROPERTIES);
        JsonNode values = properties.get("itemsKeyValue");
        if (values == null || !values.isObject()) {
            throw new InvalidWatchlistException("properties.itemsKeyValue", "is required: a JSON object with a value for each column");
        }
        Map<String, String> item = new LinkedHashMap<>();
        for (String column : watchlist.columns()) {
            JsonNode value = values.get(column);
            if (value == null || value.isNull()) {
                throw new InvalidWatchlistException("properties.itemsKeyValue." + column, "is required: every item has each of the columns "
                        + String.join(", ", watchlist.columns()));
            }
            if (!value.isValueNode()) {
                throw new InvalidWatchlistException("properties.itemsKeyValue." + column, "must be a string or a number");
            }
            item.put(column, value.asText().strip());
        }
        for (Iterator<String> names = values.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!watchlist.columns().contains(name)) {
                throw new InvalidWatchlistException("properties.itemsKeyValue." + name, "is not a column of watchlist '" + watchlist.alias()
                        + "'; its columns are " + String.join(", ", watchlist.columns()));
            }
        }
        return item;
    }

    public static ObjectNode write(Watchlist watchlist) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "/workspaces/" + watchlist.workspaceId() + "/watchlists/" + watchlist.alias());
        node.put("name", watchlist.alias());
        node.put("etag", watchlist.etag());
        node.put("type", "Microsoft.SecurityInsights/Watchlists");
        ObjectNode properties = node.putObject("properties");
        properties.put("watchlistId", watchlist.watchlistId());
        properties.put("watchlistAlias", watchlist.alias());
        properties.put("displayName", watchlist.displayName());
        properties.put("provider", watchlist.provider());
        properties.put("source", watchlist.source());
        properties.put("itemsSearchKey", watchlist.itemsSearchKey());
        properties.put("description", watchlist.description());
        properties.put("contentType", "text/csv");
        properties.put("created", watchlist.created().toString());
        properties.put("updated", watchlist.updated().toString());
        properties.set("createdBy", who(watchlist.createdBy()));
        properties.set("updatedBy", who(watchlist.updatedBy()));
        properties.put("isDeleted", false);
        return node;
    }

    public static ObjectNode write(Watchlist watchlist, WatchlistItem item) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "/workspaces/" + watchlist.workspaceId() + "/watchlists/" + watchlist.alias() + "/watchlistItems/" + item.itemId());
        node.put("name", item.itemId());
        node.put("type", "Microsoft.SecurityInsights/Watchlists/WatchlistItems");
        ObjectNode properties = node.putObject("properties");
        properties.put("watchlistItemId", item.itemId());
        ObjectNode values = properties.putObject("itemsKeyValue");
        item.values().forEach(values::put);
        properties.put("created", item.created().toString());
        properties.put("updated", item.updated().toString());
        properties.set("createdBy", who(item.createdBy()));
        properties.set("updatedBy", who(item.updatedBy()));
        properties.put("isDeleted", false);
        return node;
    }

    private static ObjectNode who(String user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", user);
        node.put("userPrincipalName", user);
        return node;
    }

    private static JsonNode members(JsonNode node, String path, Set<String> known) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidWatchlistException(path, "is required");
        }
        if (!node.isObject()) {
            throw new InvalidWatchlistException(path, "must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                String at = path.equals("body") ? name : path + "." + name;
                throw new InvalidWatchlistException(at, "is not a member of " + path + "; its members are " + String.join(", ", List.copyOf(
                        new java.util.TreeSet<>(known))));
            }
        }
        return node;
    }

    private static String requiredText(JsonNode properties, String member, int maxLength) {
        String text = text(properties, member).orElseThrow(() -> new InvalidWatchlistException("properties." + member, "is required"));
        if (text.isBlank()) {
            throw new InvalidWatchlistException("properties." + member, "must not be empty");
        }
        if (text.length() > maxLength) {
            throw new InvalidWatchlistException("properties." + member, "is longer than " + maxLength + " characters");
        }
        return text.strip();
    }

    private static Optional<String> text(JsonNode properties, String member) {
        JsonNode value = properties.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidWatchlistException("properties." + member, "must be a string");
        }
        return Optional.of(value.asText());
    }
}
