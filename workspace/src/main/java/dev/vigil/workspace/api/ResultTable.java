package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One result table with values already in the query API's JSON form: numbers and booleans as
 * such, datetime as {@code 2021-01-20T10:00:00Z} (a fraction of 7 digits when not zero), timespan
 * as {@code [-][d.]hh:mm:ss[.fffffff]}, guid as text, dynamic as JSON text; null where the value is null.
 */
public record ResultTable(String name, List<ColumnSchema> columns, List<List<Object>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
    }

    /** The rows as maps from column name to value, in column order (a value may be null). */
    public List<Map<String, Object>> rowsByColumn() {
        List<Map<String, Object>> named = new ArrayList<>(rows.size());
        for (List<Object> values : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i).name(), values.get(i));
            }
            named.add(row);
        }
        return named;
    }
}
