package dev.vigil.soc.watchlist;

/** No watchlist of that alias, or no item of that id in it. */
public final class WatchlistNotFoundException extends WatchlistException {
    public WatchlistNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NotFound";
    }

    @Override
    public int status() {
        return 404;
    }
}
