package dev.vigil.server.console.workbooks;

import java.util.List;
import java.util.Optional;

/**
 * A query result as a table, each cell with the CSS class its column formatter gives (a bar's length,
 * a heat map's shade) and, for a spark formatter, the shape to draw; hidden columns are left out.
 */
public record GridView(List<String> columns, List<List<Cell>> rows, boolean truncated) {
    public record Cell(String text, String cssClass, Optional<Spark> spark) {
    }

    /**
     * A cell's numbers drawn small, in a 100 by 24 box.
     *
     * @param bars whether as bars ({@code path} is their vertical strokes) or as a line ({@code path} is its points)
     */
    public record Spark(boolean bars, String path) {
    }
}
