package dev.vigil.server.console.workbooks;

import java.util.List;

/** A query result as a table, each cell with the CSS class its column formatter gives (a bar's length, a heat map's shade). */
public record GridView(List<String> columns, List<List<Cell>> rows, boolean truncated) {
    public record Cell(String text, String cssClass) {
    }
}
