package dev.vigil.server.console.workbooks;

import java.util.List;
import java.util.Optional;

/**
 * A query result as a table, each cell as its column formatter draws it; hidden columns are left out.
 *
 * @param notices what Vigil does not draw of the grid's formatters, shown beside it
 */
public record GridView(List<String> columns, List<List<Cell>> rows, boolean truncated, List<String> notices) {
    public GridView {
        notices = List.copyOf(notices);
    }

    /**
     * One cell.
     *
     * @param text what it shows (the value formatted: a number with its unit, a date, a threshold's text)
     * @param cssClass its classes: a bar's length, a heat map's or a threshold's colour, right alignment
     * @param spark the small chart of a spark formatter
     * @param icon the class of the icon drawn before the text ({@code wb-icon-success}), and the name it reads as
     * @param href the address the cell opens, an {@code http(s)} one only
     */
    public record Cell(String text, String cssClass, Optional<Spark> spark, Optional<Icon> icon, Optional<String> href) {
        static Cell text(String text, String cssClass) {
            return new Cell(text, cssClass, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** An icon and the name a screen reader reads for it. */
    public record Icon(String cssClass, String name) {
    }

    /**
     * A cell's numbers drawn small, in a 100 by 24 box.
     *
     * @param kind {@code bars} ({@code path} is their vertical strokes), {@code line} or {@code area} ({@code path} is its points)
     * @param cssClass the palette's class, or empty
     */
    public record Spark(String kind, String path, String cssClass) {
        public boolean bars() {
            return kind.equals("bars");
        }

        /** For an area, the polygon closing the line at the bottom of the box. */
        public String area() {
            return "0.0,24.0 " + path + " 100.0,24.0";
        }
    }
}
