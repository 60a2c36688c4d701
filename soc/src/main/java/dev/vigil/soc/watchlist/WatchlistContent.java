package dev.vigil.soc.watchlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A watchlist's CSV ({@code text/csv}, RFC 4180): a header line naming the columns, then a line per
 * item. Fields may be quoted, with {@code ""} for a quote inside and line breaks kept; lines end in
 * CRLF or LF; blank lines are skipped. Errors name the line.
 *
 * @param rows each item's values by column, in the header's order
 */
public record WatchlistContent(List<String> columns, List<Map<String, String>> rows) {
    static final int MAX_COLUMNS = 100;

    public WatchlistContent {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads the CSV after skipping {@code linesToSkip} lines (a title above the header, say).
     *
     * @param path the JSON path of the content, for errors
     */
    public static WatchlistContent parse(String csv, int linesToSkip, String path) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                    lineNumbers.add(recordLine);
                }
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                if (field.length() == 0 && !fieldStarted && c == '"') {
                    quoted = true;
                } else {
                    field.append(c);
                }
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new InvalidWatchlistException(path, "line " + recordLine + ": a quoted field is not closed");
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lineNumbers.add(recordLine);
        }
        int skipped = Math.min(linesToSkip, records.size());
        if (records.size() <= skipped) {
            throw new InvalidWatchlistException(path, "has no header line" + (linesToSkip > 0 ? " after the " + linesToSkip + " lines skipped" : ""));
        }
        List<String> header = records.get(skipped).stream().map(String::strip).toList();
        checkHeader(header, lineNumbers.get(skipped), path);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = skipped + 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() != header.size()) {
                throw new InvalidWatchlistException(path, "line " + lineNumbers.get(r) + " has " + values.size() + " fields; the header has "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), values.get(c).strip());
            }
            rows.add(row);
        }
        return new WatchlistContent(header, rows);
    }

    private static void checkHeader(List<String> header, int line, String path) {
        if (header.size() > MAX_COLUMNS) {
            throw new InvalidWatchlistException(path, "line " + line + ": the header has " + header.size() + " columns; at most " + MAX_COLUMNS);
        }
        List<String> seen = new ArrayList<>();
        for (String column : header) {
            if (!column.matches("[A-Za-z][A-Za-z0-9_ ]{0,127}")) {
                throw new InvalidWatchlistException(path, "line " + line + ": column name '" + column
                        + "' must start with a letter and hold only letters, digits, '_' and spaces");
            }
            if (seen.stream().anyMatch(column::equalsIgnoreCase)) {
                throw new InvalidWatchlistException(path, "line " + line + ": column '" + column + "' appears twice");
            }
            seen.add(column);
        }
    }
}
