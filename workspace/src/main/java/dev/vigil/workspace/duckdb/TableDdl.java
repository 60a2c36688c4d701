package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.sql.SqlIdentifiers;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.catalog.ReservedColumns;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.stream.Collectors;

/** SQL naming and creating a workspace's log tables. */
final class TableDdl {
    /** The physical column holding each row's ingestion batch; reserved, so no declared column takes its name. */
    static final String INGEST_BATCH_COLUMN = ReservedColumns.INGEST_BATCH;
    /** The physical column holding each row's ingestion time; reserved likewise. */
    static final String INGESTION_TIME_COLUMN = ReservedColumns.INGESTION_TIME;

    private TableDdl() {
    }

    /** A string constant in SQL. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
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
        return "CREATE TABLE IF NOT EXISTS " + relation(schema, table.name()) + " (" + columns + ", "
                + SqlIdentifiers.quote(INGEST_BATCH_COLUMN) + " BIGINT NOT NULL DEFAULT 0, "
                + SqlIdentifiers.quote(INGESTION_TIME_COLUMN) + " " + DuckDbTypes.sqlType(KqlType.DATETIME) + ")";
    }

    /** A table made before ingestion batches were recorded gets the column; its old rows count as batch 0. */
    static String addIngestBatchColumn(String schema, WorkspaceTable table) {
        return "ALTER TABLE " + relation(schema, table.name()) + " ADD COLUMN IF NOT EXISTS "
                + SqlIdentifiers.quote(INGEST_BATCH_COLUMN) + " BIGINT DEFAULT 0";
    }

    /** A table made before ingestion times were kept gets the column; its old rows have none. */
    static String addIngestionTimeColumn(String schema, WorkspaceTable table) {
        return "ALTER TABLE " + relation(schema, table.name()) + " ADD COLUMN IF NOT EXISTS "
                + SqlIdentifiers.quote(INGESTION_TIME_COLUMN) + " " + DuckDbTypes.sqlType(KqlType.DATETIME);
    }

    /** Adds a declared column that a table lacks; DuckDB cannot add one NOT NULL, so only the default stands for it. */
    static String addColumn(String schema, WorkspaceTable table, ColumnSchema column) {
        String definition = SqlIdentifiers.quote(column.name()) + " " + DuckDbTypes.sqlType(column.type());
        return "ALTER TABLE " + relation(schema, table.name()) + " ADD COLUMN IF NOT EXISTS " + definition
                + (column.type() == KqlType.STRING ? " DEFAULT ''" : "");
    }

    private static String column(ColumnSchema column) {
        String definition = SqlIdentifiers.quote(column.name()) + " " + DuckDbTypes.sqlType(column.type());
        return column.type() == KqlType.STRING ? definition + " NOT NULL DEFAULT ''" : definition;
    }
}
