package dev.vigil.kql;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;
import java.util.Objects;

/**
 * One result table of a compiled query.
 *
 * @param name the table's name as the query API reports it: {@code PrimaryResult} for a query's only result, else the
 *     name {@code fork}, {@code facet} or a statement's final {@code as} gives it, or {@code Table_N} (N its position)
 * @param schema its columns
 * @param sql one DuckDB statement producing it
 */
public record ResultTable(String name, List<ColumnSchema> schema, String sql) {
    public ResultTable {
        Objects.requireNonNull(name, "name");
        schema = List.copyOf(schema);
        Objects.requireNonNull(sql, "sql");
    }
}
