package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.sql.SqlIdentifiers;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.stream.Collectors;

/** SQL naming and creating a workspace's log tables. */
final class TableDdl {
    private TableDdl() {
    }

    static String relation(String schema, String table) {
        return SqlIdentifiers.quote(schema) + "." + SqlIdentifiers.quote(table);
    }

    static String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + SqlIdentifiers.quote(schema);
    }

    /** Strings are never null in Kusto, so string columns refuse null and default to ''. */
    static String createTable(String schema, WorkspaceTable table) {
        String columns = table.columns().stream().map(TableDdl::column).collect(Collectors.joining(", "));
        return "CREATE TABLE IF NOT EXISTS " + relation(schema, table.name()) + " (" + columns + ")";
    }

    private static String column(ColumnSchema column) {
        String definition = SqlIdentifiers.quote(column.name()) + " " + DuckDbTypes.sqlType(column.type());
        return column.type() == KqlType.STRING ? definition + " NOT NULL DEFAULT ''" : definition;
    }
}
