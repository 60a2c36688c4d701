package dev.vigil.soc.watchlist;

import java.util.Objects;

/** What a client sets of a watchlist: its description and its content, already read from the CSV. */
public record WatchlistDefinition(String displayName, String provider, String source, String itemsSearchKey, String description,
        WatchlistContent content) {
    public WatchlistDefinition {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(itemsSearchKey, "itemsSearchKey");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(content, "content");
    }
}
