package dev.vigil.soc.watchlist;

/** The answer to a save: the watchlist, and whether the save created it (else it replaced one). */
public record SavedWatchlist(Watchlist watchlist, boolean created) {
}
