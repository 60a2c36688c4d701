/**
 * Watchlists, in the shape of Sentinel's {@code watchlists}: CSV content kept as rows of the
 * workspace's {@code Watchlist} table and queried with {@code _GetWatchlist('alias')}.
 */
package dev.vigil.soc.watchlist;
