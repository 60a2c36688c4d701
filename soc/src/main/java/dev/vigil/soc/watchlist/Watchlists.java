package dev.vigil.soc.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLiterals;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.StoredFunctionDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The watchlists of every workspace, kept where KQL reads them: the workspace's {@code Watchlist}
 * table, as Sentinel keeps them. Every change appends rows (a row for the watchlist, a row per item
 * created, updated or deleted, each with its {@code _DTItemStatus}) in one commit, acknowledged once
 * committed, so {@code _GetWatchlist('alias')} returns the change as soon as the call does; the
 * current state is each item's latest row. {@code _GetWatchlist} is a stored function of the
 * workspace, saved with its first watchlist.
 */
public final class Watchlists {
    public static final String TABLE = "Watchlist";
    public static final String FUNCTION = "_GetWatchlist";
    static final int MAX_ITEMS = 10_000;
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final String FUNCTION_BODY = TABLE
            + " | where WatchlistAlias == watchlistAlias and _DTItemType == 'watchlist-item'"
            + " | summarize arg_max(_DTTimestamp, *) by _DTItemId"
            + " | where _DTItemStatus != 'Delete'"
            + " | project _DTItemId, LastUpdatedTimeUTC, SearchKey, WatchlistItem"
            + " | evaluate bag_unpack(WatchlistItem)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStore logStore;
    private final Clock clock;
    private final Map<String, Instant> lastTimestamp = new ConcurrentHashMap<>();

    public Watchlists(LogStore logStore, Clock clock) {
        this.logStore = logStore;
        this.clock = clock;
    }

    public List<Watchlist> list(String workspaceId) {
        return current(workspaceId, "_DTItemType == 'watchlist'").stream().map(row -> watchlist(workspaceId, row))
                .sorted(Comparator.comparing(Watchlist::alias)).toList();
    }

    public Watchlist get(String workspaceId, String alias) {
        return find(workspaceId, alias).orElseThrow(() -> new WatchlistNotFoundException("workspace '" + workspaceId + "' has no watchlist '"
                + alias + "'"));
    }

    /** The watchlist's items, oldest first. */
    public List<WatchlistItem> items(String workspaceId, String alias) {
        Watchlist watchlist = get(workspaceId, alias);
        return itemsOf(watchlist);
    }

    public WatchlistItem item(String workspaceId, String alias, String itemId) {
        return items(workspaceId, alias).stream().filter(item -> item.itemId().equals(itemId)).findFirst()
                .orElseThrow(() -> new WatchlistNotFoundException("watchlist '" + alias + "' has no item '" + itemId + "'"));
    }

    /**
     * Creates the watchlist, or replaces it (its items with those of the new content).
     *
     * @param ifMatch when present, the watchlist must exist at this etag, else {@link WatchlistEtagMismatchException}
     * @return whether it was created
     */
    public synchronized SavedWatchlist save(String workspaceId, String alias, WatchlistDefinition definition, Optional<String> ifMatch, String user) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new InvalidWatchlistException("name", "a watchlist alias is 1 to 64 letters, digits, '-' or '_', starting with a letter or digit;"
                    + " was '" + alias + "'");
        }
        if (definition.content().rows().size() > MAX_ITEMS) {
            throw new InvalidWatchlistException("properties.rawContent", "has " + definition.content().rows().size() + " items; at most "
                    + MAX_ITEMS);
        }
        Optional<Watchlist> existing = find(workspaceId, alias);
        checkEtag(workspaceId, alias, existing, ifMatch);
        Instant now = timestamp(workspaceId);
        String watchlistId = existing.map(Watchlist::watchlistId).orElseGet(() -> UUID.randomUUID().toString());
        Watchlist saved = new Watchlist(workspaceId, alias, watchlistId, definition.displayName(), definition.provider(), definition.source(),
                definition.itemsSearchKey(), definition.description(), definition.content().columns(),
                existing.map(Watchlist::created).orElse(now), now, existing.map(Watchlist::createdBy).orElse(user), user,
                existing.map(w -> w.revision() + 1).orElse(1L));
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(watchlistRow(saved, existing.isPresent() ? "Update" : "Create", now));
        existing.ifPresent(old -> itemsOf(old).forEach(item -> rows.add(itemRow(saved, item, "Delete", now))));
        List<Map<String, String>> content = definition.content().rows();
        for (int i = 0; i < content.size(); i++) {
            Map<String, String> values = content.get(i);
            String itemId = UUID.nameUUIDFromBytes((watchlistId + "/" + saved.revision() + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
            rows.add(itemRow(saved, new WatchlistItem(itemId, values, values.get(saved.itemsSearchKey()), now, now, user, user), "Create", now));
        }
        ensureFunction(workspaceId);
        logStore.ingest(workspaceId, TABLE, rows).join();
        return new SavedWatchlist(saved, existing.isEmpty());
    }

    public synchronized void delete(String workspaceId, String alias, Optional<String> ifMatch) {
        Watchlist watchlist = get(workspaceId, alias);
        checkEtag(workspaceId, alias, Optional.of(watchlist), ifMatch);
        Instant now = timestamp(workspaceId);
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(watchlistRow(watchlist, "Delete", now));
        itemsOf(watchlist).forEach(item -> rows.add(itemRow(watchlist, item, "Delete", now)));
        logStore.ingest(workspaceId, TABLE, rows).join();
    }

    /** Creates or replaces one item; answers whether it was created. */
    public synchronized boolean putItem(String workspaceId, String alias, String itemId, Map<String, String> values, String user) {
        Watchlist watchlist = get(workspaceId, alias);
        if (!itemId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new InvalidWatchlistException("name", "an item id is 1 to 64 letters, digits, '-' or '_'; was '" + itemId + "'");
        }
        Optional<WatchlistItem> existing = itemsOf(watchlist).stream().filter(item -> item.itemId().equals(itemId)).findFirst();
        if (existing.isEmpty() && itemsOf(watchlist).size() >= MAX_ITEMS) {
            throw new InvalidWatchlistException("name", "watchlist '" + alias + "' has " + MAX_ITEMS + " items, as many as a watchlist may");
        }
        Instant now = timestamp(workspaceId);
        Watchlist changed = changed(watchlist, user, now);
        WatchlistItem item = new WatchlistItem(itemId, values, values.get(watchlist.itemsSearchKey()),
                existing.map(WatchlistItem::created).orElse(now), now, existing.map(WatchlistItem::createdBy).orElse(user), user);
        logStore.ingest(workspaceId, TABLE, List.of(watchlistRow(changed, "Update", now), itemRow(changed, item, existing.isPresent() ? "Update" : "Create",
                now))).join();
        return existing.isEmpty();
    }

    public synchronized void deleteItem(String workspaceId, String alias, String itemId, String user) {
        Watchlist watchlist = get(workspaceId, alias);
        WatchlistItem item = item(workspaceId, alias, itemId);
        Instant now = timestamp(workspaceId);
        Watchlist changed = changed(watchlist, user, now);
        logStore.ingest(workspaceId, TABLE, List.of(watchlistRow(changed, "Update", now), itemRow(changed, item, "Delete", now))).join();
    }

    private static Watchlist changed(Watchlist watchlist, String user, Instant now) {
        return new Watchlist(watchlist.workspaceId(), watchlist.alias(), watchlist.watchlistId(), watchlist.displayName(), watchlist.provider(),
                watchlist.source(), watchlist.itemsSearchKey(), watchlist.description(), watchlist.columns(), watchlist.created(), now,
                watchlist.createdBy(), user, watchlist.revision() + 1);
    }

    private Optional<Watchlist> find(String workspaceId, String alias) {
        return current(workspaceId, "_DTItemType == 'watchlist' and WatchlistAlias == " + QueryLiterals.string(alias)).stream()
                .map(row -> watchlist(workspaceId, row)).findFirst();
    }

    private List<WatchlistItem> itemsOf(Watchlist watchlist) {
        return current(watchlist.workspaceId(), "_DTItemType == 'watchlist-item' and WatchlistId == " + QueryLiterals.string(watchlist.watchlistId()))
                .stream().map(row -> item(watchlist, row)).sorted(Comparator.comparing(WatchlistItem::created).thenComparing(WatchlistItem::itemId))
                .toList();
    }

    /** The latest row of each item matching the filter, unless that row deletes it. */
    private List<Map<String, Object>> current(String workspaceId, String filter) {
        return logStore.query(workspaceId, QueryRequest.of(TABLE + " | where " + filter
                + " | summarize arg_max(_DTTimestamp, *) by _DTItemId | where _DTItemStatus != 'Delete'")).primary().rowsByColumn();
    }

    private static Watchlist watchlist(String workspaceId, Map<String, Object> row) {
        Map<String, Object> details = object(row.get("WatchlistItem"));
        @SuppressWarnings("unchecked")
        List<String> columns = details.get("columns") instanceof List<?> list ? (List<String>) list : List.of();
        return new Watchlist(workspaceId, text(row, "WatchlistAlias"), text(row, "WatchlistId"), text(row, "WatchlistName"), text(row, "Provider"),
                text(row, "Source"), String.valueOf(details.getOrDefault("itemsSearchKey", "")), text(row, "Notes"), columns,
                time(row, "CreatedTimeUTC"), time(row, "LastUpdatedTimeUTC"), name(row.get("CreatedBy")), name(row.get("UpdatedBy")),
                ((Number) details.getOrDefault("revision", 1)).longValue());
    }

    private static WatchlistItem item(Watchlist watchlist, Map<String, Object> row) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> stored = object(row.get("WatchlistItem"));
        for (String column : watchlist.columns()) {
            Object value = stored.get(column);
            values.put(column, value == null ? "" : value.toString());
        }
        return new WatchlistItem(text(row, "WatchlistItemId"), values, text(row, "SearchKey"), time(row, "CreatedTimeUTC"),
                time(row, "LastUpdatedTimeUTC"), name(row.get("CreatedBy")), name(row.get("UpdatedBy")));
    }

    private static Map<String, Object> watchlistRow(Watchlist watchlist, String status, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("itemsSearchKey", watchlist.itemsSearchKey());
        details.put("columns", watchlist.columns());
        details.put("revision", watchlist.revision());
        Map<String, Object> row = common(watchlist, now);
        row.put("WatchlistItem", details);
        row.put("Notes", watchlist.description());
        row.put("CreatedTimeUTC", watchlist.created().toString());
        row.put("LastUpdatedTimeUTC", watchlist.updated().toString());
        row.put("CreatedBy", who(watchlist.createdBy()));
        row.put("UpdatedBy", who(watchlist.updatedBy()));
        row.put("_DTItemId", watchlist.watchlistId());
        row.put("_DTItemType", "watchlist");
        row.put("_DTItemStatus", status);
        return row;
    }

    private static Map<String, Object> itemRow(Watchlist watchlist, WatchlistItem item, String status, Instant now) {
        Map<String, Object> row = common(watchlist, now);
        row.put("WatchlistItemId", item.itemId());
        row.put("WatchlistItem", item.values());
        row.put("SearchKey", item.searchKey());
        row.put("CreatedTimeUTC", item.created().toString());
        row.put("LastUpdatedTimeUTC", (status.equals("Delete") ? now : item.updated()).toString());
        row.put("CreatedBy", who(item.createdBy()));
        row.put("UpdatedBy", who(status.equals("Delete") ? watchlist.updatedBy() : item.updatedBy()));
        row.put("_DTItemId", item.itemId());
        row.put("_DTItemType", "watchlist-item");
        row.put("_DTItemStatus", status);
        return row;
    }

    private static Map<String, Object> common(Watchlist watchlist, Instant now) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("TimeGenerated", now.toString());
        row.put("WatchlistId", watchlist.watchlistId());
        row.put("WatchlistName", watchlist.displayName());
        row.put("WatchlistAlias", watchlist.alias());
        row.put("Source", watchlist.source());
        row.put("Provider", watchlist.provider());
        row.put("_DTTimestamp", now.toString());
        row.put("SourceSystem", "Vigil");
        return row;
    }

    private static Map<String, Object> who(String user) {
        return Map.of("name", user, "userPrincipalName", user);
    }

    /** The change's time, later than the workspace's previous change, so that its rows are the latest of each item. */
    private Instant timestamp(String workspaceId) {
        Instant last = lastTimestamp.computeIfAbsent(workspaceId, id -> {
            List<Object> row = logStore.query(id, QueryRequest.of(TABLE + " | summarize max(_DTTimestamp)")).primary().rows().get(0);
            return row.get(0) == null ? Instant.EPOCH : parseTime(row.get(0));
        });
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant next = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        lastTimestamp.put(workspaceId, next);
        return next;
    }

    private void ensureFunction(String workspaceId) {
        if (logStore.functions(workspaceId).stream().noneMatch(function -> function.name().equals(FUNCTION))) {
            logStore.saveFunction(workspaceId, new StoredFunctionDefinition(FUNCTION, "(watchlistAlias:string)", FUNCTION_BODY,
                    Optional.of("Watchlists"), Optional.of("Items of a watchlist, by its alias")));
        }
    }

    private static void checkEtag(String workspaceId, String alias, Optional<Watchlist> existing, Optional<String> ifMatch) {
        if (ifMatch.isEmpty() || ifMatch.get().equals("*")) {
            return;
        }
        Watchlist current = existing.orElseThrow(() -> new WatchlistNotFoundException("workspace '" + workspaceId + "' has no watchlist '" + alias
                + "'"));
        if (!current.etag().equals("\"" + ifMatch.get().replace("\"", "").strip() + "\"")) {
            throw new WatchlistEtagMismatchException(current, ifMatch.get());
        }
    }

    private static String text(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? "" : value.toString();
    }

    private static Instant time(Map<String, Object> row, String column) {
        return parseTime(row.get(column));
    }

    private static Instant parseTime(Object value) {
        return value instanceof Instant instant ? instant : Instant.parse(value.toString());
    }

    private static String name(Object who) {
        return String.valueOf(object(who).getOrDefault("name", ""));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (value == null || value.toString().isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(value.toString(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Watchlist row holds JSON that does not read back: " + e.getOriginalMessage(), e);
        }
    }
}
