package dev.vigil.kql.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table the compiler can reference.
 *
 * @param name the KQL name, e.g. {@code SecurityAlert}
 * @param sqlPath the unquoted parts of the physical relation name in DuckDB, e.g.
 *     {@code ["ws_default", "SecurityAlert"]}; the SQL generator quotes them. Empty for a table
 *     known by its schema alone, without storage yet: queries read it as an empty relation.
 * @param columns in table order
 */
public record TableSchema(String name, List<String> sqlPath, List<ColumnSchema> columns) {
    public TableSchema {
        Objects.requireNonNull(name, "name");
        sqlPath = List.copyOf(sqlPath);
        columns = List.copyOf(columns);
    }

    /** A table with these columns and no rows, because nothing stores it yet. */
    public static TableSchema withoutStorage(String name, List<ColumnSchema> columns) {
        return new TableSchema(name, List.of(), columns);
    }

    public boolean hasStorage() {
        return !sqlPath.isEmpty();
    }

    public Optional<ColumnSchema> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
