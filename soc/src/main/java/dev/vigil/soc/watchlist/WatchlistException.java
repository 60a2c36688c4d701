package dev.vigil.soc.watchlist;

import dev.vigil.soc.RefusedRequestException;

/** A refused request about watchlists; {@link #code()} and {@link #status()} are what the HTTP API answers. */
public abstract sealed class WatchlistException extends RefusedRequestException
        permits InvalidWatchlistException, WatchlistNotFoundException, WatchlistEtagMismatchException {

    WatchlistException(String message) {
        super(message);
    }
}
