package dev.vigil.kql.externaldata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records of the delimited formats, each the list of its fields as written; the mapping then picks
 * the columns' fields ({@link ExternalDataMapping}). Blank lines are no records.
 */
final class DelimitedRecords {
    private DelimitedRecords() {
    }

    /** RFC 4180: a field in double quotes may hold the delimiter, line breaks and {@code ""} for a quote. */
    static List<List<String>> quoted(String text, char delimiter) {
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
                    records.add(fields);
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
            records.add(fields);
        }
        return records;
    }

    /** Kusto's TSVE: no quoting; a backslash escapes a tab ({@code \t}), a line break ({@code \n}, {@code \r}) or itself. */
    static List<List<String>> escaped(String text, char delimiter) {
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
            records.add(fields);
        }
        return records;
    }

    /** Each non-blank line is a record of one field. */
    static List<List<String>> lines(String text) {
        return Arrays.stream(text.split("\r?\n")).filter(line -> !line.isEmpty()).map(List::of).toList();
    }
}
