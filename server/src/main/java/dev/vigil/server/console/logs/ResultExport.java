package dev.vigil.server.console.logs;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rows a grid shows, as files to download: CSV (RFC 4180) and JSON (the query API's table shape). */
final class ResultExport {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Cells a spreadsheet would take for a formula; text that starts so is written with a leading quote. */
    private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

    private ResultExport() {
    }

    /** {@code vigil-<workspace>-<time>.<extension>}: names that sort by when they were taken. */
    static String fileName(String workspace, Instant at, String extension) {
        return "vigil-" + workspace.replaceAll("[^A-Za-z0-9_-]", "_") + "-" + FILE_TIME.format(at) + "." + extension;
    }

    static String csv(List<ColumnSchema> columns, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(columns.get(i).name()));
        }
        out.append("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                out.append(i == 0 ? "" : ",").append(cell(row.get(i), columns.get(i).type()));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value, KqlType type) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean textual = type == KqlType.STRING || type == KqlType.DYNAMIC;
        return field(textual && !text.isEmpty() && FORMULA_STARTS.contains(text.charAt(0)) ? "'" + text : text);
    }

    private static String field(String text) {
        boolean quoted = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quoted ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** {@code {"tables":[{"name","columns":[{"name","type"}],"rows":[[...]]}]}}, values as the query API writes them. */
    static Map<String, Object> json(List<ColumnSchema> columns, List<List<Object>> rows) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("name", "PrimaryResult");
        table.put("columns", columns.stream().map(c -> Map.of("name", c.name(), "type", c.type().kqlName())).toList());
        table.put("rows", rows);
        return Map.of("tables", List.of(table));
    }
}
