package dev.vigil.workspace.api;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/**
 * One result table with values already in the query API's JSON form: numbers and booleans as
 * such, datetime as {@code 2021-01-20T10:00:00Z} (a fraction of 7 digits when not zero), timespan
 * as {@code [-][d.]hh:mm:ss[.fffffff]}, guid as text, dynamic as JSON text; null where the value is null.
 */
public record ResultTable(String name, List<ColumnSchema> columns, List<List<Object>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
    }
}
