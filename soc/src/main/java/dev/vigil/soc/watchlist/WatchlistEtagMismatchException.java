package dev.vigil.soc.watchlist;

import java.util.Map;

/** The etag a change named is not the watchlist's current one. */
public final class WatchlistEtagMismatchException extends WatchlistException {
    private final String current;

    public WatchlistEtagMismatchException(Watchlist watchlist, String given) {
        super("watchlist '" + watchlist.alias() + "' is at etag " + watchlist.etag() + ", not " + given + "; read it again and retry");
        this.current = watchlist.etag();
    }

    @Override
    public String code() {
        return "PreconditionFailed";
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public Map<String, Object> innerError() {
        return Map.of("etag", current);
    }
}
