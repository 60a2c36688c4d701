package dev.vigil.kql.externaldata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records of the delimited formats. Fields are taken by position: a record with fewer fields than
 * columns leaves the rest null, and fields past the last column are dropped, as Kusto's CSV mapping
 * does without a mapping. Blank lines are no records.
 */
final class DelimitedRecords {
    private DelimitedRecords() {
    }

    /** RFC 4180: a field in double quotes may hold the delimiter, line breaks and {@code ""} for a quote. */
    static List<List<String>> quoted(String text, char delimiter, int columns) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean recordStarted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                inQuotes = true;
                quoteLine = line;
                recordStarted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                recordStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                if (recordStarted || !field.isEmpty()) {
                    fields.add(field.toString());
                    records.add(padded(fields, columns));
                }
                fields = new ArrayList<>();
                field.setLength(0);
                recordStarted = false;
            } else {
                field.append(c);
                recordStarted = true;
            }
        }
        if (inQuotes) {
            throw new IllegalArgumentException("the quoted field that starts on line " + quoteLine + " never ends");
        }
        if (recordStarted || !field.isEmpty()) {
            fields.add(field.toString());
            records.add(padded(fields, columns));
        }
        return records;
    }

    /** Kusto's TSVE: no quoting; a backslash escapes a tab ({@code \t}), a line break ({@code \n}, {@code \r}) or itself. */
    static List<List<String>> escaped(String text, char delimiter, int columns) {
        List<List<String>> records = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char next = line.charAt(++i);
                    field.append(switch (next) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> next;
                    });
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            records.add(padded(fields, columns));
        }
        return records;
    }

    /** Each non-blank line is a record of one field. */
    static List<List<String>> lines(String text, int columns) {
        return Arrays.stream(text.split("\r?\n")).filter(line -> !line.isEmpty()).map(line -> padded(List.of(line), columns)).toList();
    }

    static List<String> padded(List<String> fields, int columns) {
        List<String> record = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            record.add(i < fields.size() ? fields.get(i) : null);
        }
        return record;
    }
}
