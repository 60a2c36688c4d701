package dev.vigil.soc.watchlist;

import java.util.Map;

/** A refused request about watchlists; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class WatchlistException extends RuntimeException
        permits InvalidWatchlistException, WatchlistNotFoundException, WatchlistEtagMismatchException {

    WatchlistException(String message) {
        super(message);
    }

    public abstract String code();

    public abstract int status();

    public Map<String, Object> innerError() {
        return Map.of();
    }
}
