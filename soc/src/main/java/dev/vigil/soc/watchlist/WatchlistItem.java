package dev.vigil.soc.watchlist;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a watchlist.
 *
 * @param values the row's value of each of the watchlist's columns, in their order
 * @param searchKey its value of the watchlist's {@code itemsSearchKey} column
 */
public record WatchlistItem(String itemId, Map<String, String> values, String searchKey, Instant created, Instant updated, String createdBy,
        String updatedBy) {

    public WatchlistItem {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
