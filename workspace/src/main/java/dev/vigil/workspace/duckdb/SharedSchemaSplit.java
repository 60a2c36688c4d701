package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.kql.sql.SqlIdentifiers;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.catalog.WorkspaceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a workspace out of a schema it shared with others whose ids differ from its own only in
 * case (possible in data directories from before ids were unique regardless of case) into a schema
 * of its own. Its tables are created there as it declares them, and its rows go with them: every
 * row carries its workspace's tenant in {@code TenantId} (ingestion fills it in and refuses any
 * other), so the rows of each workspace are told apart exactly. Runs inside the caller's
 * transaction.
 */
final class SharedSchemaSplit {
    private static final Logger LOG = LoggerFactory.getLogger(SharedSchemaSplit.class);
    private static final String TENANT = SqlIdentifiers.quote("TenantId");

    private SharedSchemaSplit() {
    }

    /**
     * @param leaving the workspace as it was, in the shared schema
     * @param own the schema it moves to, which does not exist yet
     * @param staying the workspaces that keep the shared schema
     */
    static void split(Connection connection, Workspace leaving, String own, List<Workspace> staying) throws SQLException {
        String shared = leaving.schema();
        try (Statement statement = connection.createStatement()) {
            statement.execute(TableDdl.createSchema(own));
            for (WorkspaceTable table : leaving.tables().values()) {
                statement.execute(TableDdl.createTable(own, table));
                Set<String> stored = storedColumns(connection, shared, table.name());
                if (stored.isEmpty()) {
                    continue;
                }
                moveRows(connection, shared, own, table, stored, leaving.tenantId());
                List<WorkspaceTable> kept = staying.stream()
                        .flatMap(w -> w.tables().values().stream())
                        .filter(t -> t.name().equalsIgnoreCase(table.name()))
                        .toList();
                if (kept.isEmpty()) {
                    dropIfEmpty(statement, shared, table.name());
                }
                for (WorkspaceTable keptTable : kept) {
                    // the shared table may have been created with the leaving workspace's columns
                    for (ColumnSchema column : keptTable.columns()) {
                        statement.execute(TableDdl.addColumn(shared, keptTable, column));
                    }
                }
            }
        }
    }

    /** Copies the workspace's rows, in the columns both tables have, and deletes them from the shared table. */
    private static void moveRows(Connection connection, String shared, String own, WorkspaceTable table, Set<String> stored,
                                 String tenantId) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (ColumnSchema column : table.columns()) {
            if (stored.contains(column.name().toLowerCase(Locale.ROOT))) {
                names.add(SqlIdentifiers.quote(column.name()));
                values.add(converted(column));
            }
        }
        if (stored.contains(TableDdl.INGEST_BATCH_COLUMN.toLowerCase(Locale.ROOT))) {
            String batch = SqlIdentifiers.quote(TableDdl.INGEST_BATCH_COLUMN);
            names.add(batch);
            values.add("coalesce(" + batch + ", 0)");
        }
        if (stored.contains(TableDdl.INGESTION_TIME_COLUMN.toLowerCase(Locale.ROOT))) {
            names.add(SqlIdentifiers.quote(TableDdl.INGESTION_TIME_COLUMN));
            values.add(SqlIdentifiers.quote(TableDdl.INGESTION_TIME_COLUMN));
        }
        String source = TableDdl.relation(shared, table.name());
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + TableDdl.relation(own, table.name())
                + " (" + String.join(", ", names) + ") SELECT " + String.join(", ", values) + " FROM " + source
                + " WHERE lower(" + TENANT + ") = lower(?)");
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + source + " WHERE lower(" + TENANT + ") = lower(?)")) {
            copy.setString(1, tenantId);
            int moved = copy.executeUpdate();
            delete.setString(1, tenantId);
            delete.executeUpdate();
            LOG.info("moved {} rows of {} to schema {}", moved, table.name(), own);
        }
    }

    /** A stored value in the column's declared type; a value that does not fit becomes null, or '' for strings. */
    private static String converted(ColumnSchema column) {
        String cast = "TRY_CAST(" + SqlIdentifiers.quote(column.name()) + " AS " + DuckDbTypes.sqlType(column.type()) + ")";
        return column.type() == KqlType.STRING ? "coalesce(" + cast + ", '')" : cast;
    }

    /** A table no staying workspace declares is dropped once empty, so that none of them later finds it with foreign columns. */
    private static void dropIfEmpty(Statement statement, String shared, String table) throws SQLException {
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + TableDdl.relation(shared, table))) {
            count.next();
            if (count.getLong(1) > 0) {
                LOG.warn("table {} of schema {} belongs to no workspace but still holds {} rows of other tenants; left in place",
                        table, shared, count.getLong(1));
                return;
            }
        }
        statement.execute("DROP TABLE " + TableDdl.relation(shared, table));
    }

    /** The table's stored column names in lower case; empty if the table does not exist. */
    private static Set<String> storedColumns(Connection connection, String schema, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_catalog = current_database() AND lower(table_schema) = lower(?) AND lower(table_name) = lower(?)")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
