package dev.vigil.server.console.logs;

import java.util.List;

/**
 * What the console's charts ({@code charts.js}) draw: a result's columns and rows, and the kind of
 * chart its {@code render} asked for. The Logs page draws a query's kept rows with it, the home
 * page what flowed in the last 24 hours.
 *
 * @param kind the {@code render} visualization: {@code timechart}, {@code columnchart}, {@code piechart}...
 * @param rows values as the query API writes them (datetimes as ISO 8601 text)
 */
public record ChartData(String kind, String title, List<Column> columns, List<List<Object>> rows) {

    public record Column(String name, String type) {
    }
}
