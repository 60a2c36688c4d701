package dev.vigil.server.cli;

import java.util.ArrayList;
import java.util.List;

/** A result table as aligned plain text: a header, a rule, the rows, and the row count. */
final class TextTable {
    /** Wider cells are cut, so that one long JSON value does not push every other column off screen. */
    static final int MAX_CELL_WIDTH = 80;

    private TextTable() {
    }

    static String render(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = headers.get(c).length();
        }
        List<List<String>> cells = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> fitted = row.stream().map(TextTable::fit).toList();
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], fitted.get(c).length());
            }
            cells.add(fitted);
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        cells.forEach(row -> line(out, row, widths));
        out.append('(').append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)").append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(values.get(c)).append(" ".repeat(widths[c] - values.get(c).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String fit(String value) {
        String flat = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", " ");
        return flat.length() <= MAX_CELL_WIDTH ? flat : flat.substring(0, MAX_CELL_WIDTH - 1) + "…";
    }
}
