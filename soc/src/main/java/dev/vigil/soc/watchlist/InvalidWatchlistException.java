package dev.vigil.soc.watchlist;

import java.util.Map;

/**
 * A watchlist or item that cannot be saved: {@link #path()} is the JSON path of the wrong value
 * (e.g. {@code properties.itemsSearchKey}), and for CSV content the line too.
 */
public final class InvalidWatchlistException extends WatchlistException {
    private final String path;

    public InvalidWatchlistException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public String path() {
        return path;
    }

    @Override
    public String code() {
        return "InvalidWatchlist";
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("path", path);
    }
}
