package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.InvalidRetentionException;
import dev.vigil.workspace.api.TableRetention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The retention settings of every workspace: its default and its tables' own, kept in
 * {@code vigil.retention} (the table name {@value #WORKSPACE_DEFAULT} holds the default) and in
 * memory. Changes go through one connection, one at a time.
 */
final class Retentions {
    /** Not a table name: table names start with a letter. */
    private static final String WORKSPACE_DEFAULT = "*";

    private final Connection connection;
    /** workspace → table (or {@value #WORKSPACE_DEFAULT}) → days. */
    private final Map<String, Map<String, Integer>> days = new ConcurrentHashMap<>();

    private Retentions(Connection connection) {
        this.connection = connection;
    }

    static Retentions load(Connection connection) throws SQLException {
        Retentions retentions = new Retentions(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + ControlSchema.RETENTION + " ("
                    + "workspace_id VARCHAR NOT NULL, table_name VARCHAR NOT NULL, days INTEGER NOT NULL, PRIMARY KEY (workspace_id, table_name))");
            try (ResultSet rows = statement.executeQuery("SELECT workspace_id, table_name, days FROM " + ControlSchema.RETENTION)) {
                while (rows.next()) {
                    retentions.days.computeIfAbsent(rows.getString(1), w -> new ConcurrentHashMap<>()).put(rows.getString(2), rows.getInt(3));
                }
            }
        }
        return retentions;
    }

    int workspaceDefault(String workspaceId) {
        return days.getOrDefault(workspaceId, Map.of()).getOrDefault(WORKSPACE_DEFAULT, TableRetention.DEFAULT_DAYS);
    }

    TableRetention of(String workspaceId, String table) {
        Integer own = days.getOrDefault(workspaceId, Map.of()).get(table);
        return own == null ? new TableRetention(table, workspaceDefault(workspaceId), true) : new TableRetention(table, own, false);
    }

    synchronized void setWorkspaceDefault(String workspaceId, int value) throws SQLException {
        require(value, TableRetention.MIN_WORKSPACE_DAYS, "the workspace's retention");
        write(workspaceId, WORKSPACE_DEFAULT, value);
    }

    synchronized void setTable(String workspaceId, String table, Integer value) throws SQLException {
        if (value == null) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + ControlSchema.RETENTION + " WHERE workspace_id = ? AND table_name = ?")) {
                delete.setString(1, workspaceId);
                delete.setString(2, table);
                delete.executeUpdate();
            }
            Map<String, Integer> settings = days.get(workspaceId);
            if (settings != null) {
                settings.remove(table);
            }
            return;
        }
        require(value, TableRetention.MIN_TABLE_DAYS, "table '" + table + "''s retention");
        write(workspaceId, table, value);
    }

    private void write(String workspaceId, String key, int value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO " + ControlSchema.RETENTION
                + " (workspace_id, table_name, days) VALUES (?, ?, ?)")) {
            upsert.setString(1, workspaceId);
            upsert.setString(2, key);
            upsert.setInt(3, value);
            upsert.executeUpdate();
        }
        days.computeIfAbsent(workspaceId, w -> new ConcurrentHashMap<>()).put(key, value);
    }

    private static void require(int value, int min, String what) {
        if (value < min || value > TableRetention.MAX_DAYS) {
            throw new InvalidRetentionException(what + " must be from " + min + " to " + TableRetention.MAX_DAYS + " days, was " + value);
        }
    }
}
