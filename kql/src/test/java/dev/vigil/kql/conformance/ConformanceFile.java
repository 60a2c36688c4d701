package dev.vigil.kql.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code .kqltest} files. A case starts with {@code === name of the behaviour}, then the
 * query, then sections: {@code --- columns} (one {@code Name:type} a line), {@code --- rows} or
 * {@code --- rows ordered} (one row a line, cells separated by commas, strings in double quotes,
 * {@code null} for null), {@code --- error} ({@code CODE line:column}), {@code --- timerange}
 * ({@code start end}). A query that gives several tables names each with {@code --- table Name} before its columns
 * and rows. Lines starting with {@code #} outside queries are comments.
 */
final class ConformanceFile {
    private ConformanceFile() {
    }

    static List<ConformanceCase> parse(String fileName, String content) {
        List<ConformanceCase> cases = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i].stripTrailing();
            if (!line.startsWith("=== ")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": expected '=== name', found: " + line);
                }
                i++;
                continue;
            }
            int start = i + 1;
            String name = line.substring(4).trim();
            i++;
            StringBuilder query = new StringBuilder();
            while (i < lines.length && !lines[i].startsWith("---") && !lines[i].startsWith("=== ")) {
                query.append(lines[i]).append('\n');
                i++;
            }
            List<ExpectedTable> tables = new ArrayList<>();
            Optional<String> table = Optional.empty();
            List<String> columns = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            boolean ordered = false;
            Optional<String> error = Optional.empty();
            Optional<String> timeRange = Optional.empty();
            while (i < lines.length && lines[i].startsWith("---")) {
                String section = lines[i].substring(3).trim();
                i++;
                List<String> body = new ArrayList<>();
                while (i < lines.length && !lines[i].startsWith("---") && !lines[i].startsWith("=== ")) {
                    if (!lines[i].isBlank()) {
                        body.add(lines[i].trim());
                    }
                    i++;
                }
                if (section.startsWith("table ")) {
                    if (table.isPresent() || !columns.isEmpty()) {
                        tables.add(new ExpectedTable(table, columns, rows, ordered));
                    }
                    table = Optional.of(section.substring("table ".length()).trim());
                    columns = new ArrayList<>();
                    rows = new ArrayList<>();
                    ordered = false;
                    continue;
                }
                List<List<String>> tableRows = rows;
                switch (section) {
                    case "columns": columns.addAll(body); break;
                    case "rows": body.forEach(r -> tableRows.add(ResultCells.splitRow(r))); break;
                    case "rows ordered": ordered = true; body.forEach(r -> tableRows.add(ResultCells.splitRow(r))); break;
                    case "error": error = Optional.of(String.join(" ", body)); break;
                    case "timerange": timeRange = Optional.of(String.join(" ", body)); break;
                    default: throw new IllegalArgumentException(fileName + ": unknown section '" + section + "' in case " + name);
                }
            }
            if (table.isPresent() || !columns.isEmpty() || !rows.isEmpty()) {
                tables.add(new ExpectedTable(table, columns, rows, ordered));
            }
            cases.add(new ConformanceCase(fileName, start, name, query.toString().trim(), tables, error, timeRange));
        }
        return cases;
    }
}
