package dev.vigil.server.console.workbooks;

/**
 * One tile of a tiles or big-number item: its title and its value.
 *
 * @param bigNumber whether it is drawn as a big number (a {@code stat} or {@code card} item) rather than a small tile
 */
public record TileView(String title, String value, boolean bigNumber) {
}
