package dev.vigil.workspace.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code vigil} schema: which workspaces, custom tables and stored functions exist, the state
 * documents, each workspace's last ingestion batch and the consumers' checkpoints.
 */
final class ControlSchema {
    /**
     * DuckDB names the database (catalog) after its file, {@code vigil.duckdb}, so the schema is
     * named with its catalog: a bare {@code vigil} would be ambiguous.
     */
    static final String SCHEMA = "vigil.vigil";
    static final String WORKSPACES = SCHEMA + ".workspaces";
    static final String CUSTOM_TABLES = SCHEMA + ".custom_tables";
    static final String DOCUMENTS = SCHEMA + ".documents";
    static final String FUNCTIONS = SCHEMA + ".functions";
    static final String INGESTION_BATCHES = SCHEMA + ".ingestion_batches";
    static final String CHECKPOINTS = SCHEMA + ".checkpoints";
    /**
     * What each group commit adds to {@link #INGESTION_BATCHES} and {@link #CHECKPOINTS}, appended
     * without a key: the engine lets commits that only append to tables without an index go on
     * while a checkpoint runs, and the keyed tables' upserts would hold them up. Folded into the
     * keyed tables after each checkpoint ({@link IngestionLedger#fold}).
     */
    static final String INGESTION_BATCH_LOG = SCHEMA + ".ingestion_batch_log";
    static final String CHECKPOINT_LOG = SCHEMA + ".checkpoint_log";
    /** Retention in days per workspace and table; see {@link Retentions}. */
    static final String RETENTION = SCHEMA + ".retention";
    /** One row that {@link StorageMonitor} writes to find out whether commits go through. */
    static final String STORAGE_PROBE = SCHEMA + ".storage_probe";

    private ControlSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            statement.execute("CREATE TABLE IF NOT EXISTS " + WORKSPACES + " ("
                    + "id VARCHAR PRIMARY KEY, tenant_id UUID NOT NULL, created_at TIMESTAMP NOT NULL, storage_schema VARCHAR)");
            // null in rows written before schemas were recorded, until WorkspaceSchemas records them
            statement.execute("ALTER TABLE " + WORKSPACES + " ADD COLUMN IF NOT EXISTS storage_schema VARCHAR");
            statement.execute("CREATE TABLE IF NOT EXISTS " + CUSTOM_TABLES + " ("
                    + "workspace_id VARCHAR NOT NULL, name VARCHAR NOT NULL, columns JSON NOT NULL,"
                    + " created_at TIMESTAMP NOT NULL, PRIMARY KEY (workspace_id, name))");
            statement.execute("CREATE TABLE IF NOT EXISTS " + DOCUMENTS + " ("
                    + "collection VARCHAR NOT NULL, id VARCHAR NOT NULL, body JSON NOT NULL,"
                    + " updated_at TIMESTAMP NOT NULL, PRIMARY KEY (collection, id))");
            statement.execute("CREATE TABLE IF NOT EXISTS " + FUNCTIONS + " ("
                    + "workspace_id VARCHAR NOT NULL, name VARCHAR NOT NULL, parameters VARCHAR NOT NULL, body VARCHAR NOT NULL,"
                    + " category VARCHAR, display_name VARCHAR, updated_at TIMESTAMP NOT NULL, PRIMARY KEY (workspace_id, name))");
            statement.execute("CREATE TABLE IF NOT EXISTS " + INGESTION_BATCHES + " ("
                    + "workspace_id VARCHAR PRIMARY KEY, last_batch BIGINT NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + CHECKPOINTS + " ("
                    + "consumer VARCHAR PRIMARY KEY, position BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + INGESTION_BATCH_LOG + " (workspace_id VARCHAR NOT NULL, last_batch BIGINT NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + CHECKPOINT_LOG + " ("
                    + "consumer VARCHAR NOT NULL, position BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL)");
            statement.execute(createStorageProbe());
        }
    }

    /** Its own statement: the storage probe runs first on a database, before the rest of the schema is made. */
    static String createStorageProbe() {
        return "CREATE TABLE IF NOT EXISTS " + STORAGE_PROBE + " (id INTEGER PRIMARY KEY, written_at TIMESTAMP NOT NULL)";
    }
}
