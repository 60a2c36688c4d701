package dev.vigil.server.console.workbooks;

import java.util.List;

/**
 * What {@code charts.js} draws for a map item: points at their latitude and longitude on a plain
 * longitude/latitude plane (no map tiles or borders, which would need map data from elsewhere), each
 * sized and coloured by a column when the item's {@code mapSettings} name one.
 *
 * @param kind always {@code map}, so that {@code charts.js} tells it from a query result's chart
 * @param sizeLabel the column the points are sized by, or empty
 * @param colorLabel the column the points are coloured by, or empty
 * @param palette the colouring's palette ({@code greenRed}, ...), or empty
 */
public record MapData(String kind, String sizeLabel, String colorLabel, String palette, List<Point> points) {
    public MapData {
        points = List.copyOf(points);
    }

    /** One point; {@code size} and {@code color} are null when the map sets no column for them or the row's value is no number. */
    public record Point(String name, double lat, double lon, Double size, Double color) {
    }
}
