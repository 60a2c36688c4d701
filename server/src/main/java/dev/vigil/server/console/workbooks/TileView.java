package dev.vigil.server.console.workbooks;

/** One tile of a tiles or big-number item: its title and its value. */
public record TileView(String title, String value) {
}
