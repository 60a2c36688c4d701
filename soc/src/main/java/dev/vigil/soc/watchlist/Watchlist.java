package dev.vigil.soc.watchlist;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A watchlist of a workspace, as of its latest change.
 *
 * @param alias its name in the API and in {@code _GetWatchlist('alias')}
 * @param watchlistId a GUID, new for every creation of the alias
 * @param columns the CSV's columns, in their order; every item has these
 * @param revision counts the watchlist's changes (its items' included) from 1; the etag is made of it
 */
public record Watchlist(String workspaceId, String alias, String watchlistId, String displayName, String provider, String source,
        String itemsSearchKey, String description, List<String> columns, Instant created, Instant updated, String createdBy, String updatedBy,
        long revision) {

    public Watchlist {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(watchlistId, "watchlistId");
        columns = List.copyOf(columns);
    }

    public String etag() {
        return "\"" + revision + "\"";
    }
}
