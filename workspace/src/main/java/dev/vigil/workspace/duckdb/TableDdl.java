package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.sql.SqlIdentifiers;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.util.stream.Collectors;

/** SQL naming and creating a workspace's log tables. */
final class TableDdl {
    /**
     * The physical column holding the ingestion batch each row was committed in. It is not part
     * of any table's KQL schema: scans name their columns, so queries never see it.
     */
    static final String INGEST_BATCH_COLUMN = "_IngestBatch";

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
                + SqlIdentifiers.quote(INGEST_BATCH_COLUMN) + " BIGINT NOT NULL DEFAULT 0)";
    }

    /** A table made before ingestion batches were recorded gets the column; its old rows count as batch 0. */
    static String addIngestBatchColumn(String schema, WorkspaceTable table) {
        return "ALTER TABLE " + relation(schema, table.name()) + " ADD COLUMN IF NOT EXISTS "
                + SqlIdentifiers.quote(INGEST_BATCH_COLUMN) + " BIGINT DEFAULT 0";
    }

    private static String column(ColumnSchema column) {
        String definition = SqlIdentifiers.quote(column.name()) + " " + DuckDbTypes.sqlType(column.type());
        return column.type() == KqlType.STRING ? definition + " NOT NULL DEFAULT ''" : definition;
    }
}
