package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.Checkpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each workspace's newest committed ingestion batch and each consumer's checkpoint. The batch
 * writer records both inside the transaction that commits the rows, and publishes the new batch
 * numbers only after that commit, so a query bounded by {@link #committedThrough} never sees
 * half a batch.
 *
 * <p>A commit appends its records to the unkeyed {@link ControlSchema#INGESTION_BATCH_LOG} and
 * {@link ControlSchema#CHECKPOINT_LOG}, so that it only appends and may commit while a checkpoint
 * runs; {@link #fold} moves them into the keyed tables, and reads take the greatest of both.
 */
final class IngestionLedger {
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final Connection reader;

    private IngestionLedger(Connection reader) {
        this.reader = reader;
    }

    static IngestionLedger load(Connection connection) throws SQLException {
        IngestionLedger ledger = new IngestionLedger(connection);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT workspace_id, max(last_batch) FROM (SELECT workspace_id, last_batch FROM "
                     + ControlSchema.INGESTION_BATCHES + " UNION ALL SELECT workspace_id, last_batch FROM " + ControlSchema.INGESTION_BATCH_LOG
                     + ") GROUP BY workspace_id")) {
            while (rows.next()) {
                ledger.committed.put(rows.getString(1), rows.getLong(2));
            }
        }
        return ledger;
    }

    long committedThrough(String workspaceId) {
        return committed.getOrDefault(workspaceId, 0L);
    }

    /** The batch number the next commit of the workspace takes. Writer thread only. */
    long next(String workspaceId) {
        return committedThrough(workspaceId) + 1;
    }

    /** Records, in the writer's open transaction, the batches and checkpoints of one commit: appends only. */
    void record(Connection transaction, Map<String, Long> batches, Map<String, Long> checkpoints, Instant now) throws SQLException {
        if (!batches.isEmpty()) {
            try (PreparedStatement insert = transaction.prepareStatement("INSERT INTO " + ControlSchema.INGESTION_BATCH_LOG
                    + " (workspace_id, last_batch) VALUES (?, ?)")) {
                for (Map.Entry<String, Long> batch : batches.entrySet()) {
                    insert.setString(1, batch.getKey());
                    insert.setLong(2, batch.getValue());
                    insert.executeUpdate();
                }
            }
        }
        if (!checkpoints.isEmpty()) {
            try (PreparedStatement insert = transaction.prepareStatement("INSERT INTO " + ControlSchema.CHECKPOINT_LOG
                    + " (consumer, position, updated_at) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, Long> checkpoint : checkpoints.entrySet()) {
                    insert.setString(1, checkpoint.getKey());
                    insert.setLong(2, checkpoint.getValue());
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.executeUpdate();
                }
            }
        }
    }

    /**
     * Moves the appended records into the keyed tables, in one transaction on {@code connection}
     * (not the writer's). Commits appending meanwhile are not seen by its snapshot, so their
     * records stay for the next fold.
     */
    static void fold(Connection connection) throws SQLException {
        SqlTransaction.commit(connection, () -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO " + ControlSchema.INGESTION_BATCHES + " (workspace_id, last_batch)"
                        + " SELECT workspace_id, max(last_batch) FROM " + ControlSchema.INGESTION_BATCH_LOG + " GROUP BY workspace_id"
                        + " ON CONFLICT (workspace_id) DO UPDATE SET last_batch = greatest(last_batch, excluded.last_batch)");
                statement.execute("DELETE FROM " + ControlSchema.INGESTION_BATCH_LOG);
                statement.execute("INSERT INTO " + ControlSchema.CHECKPOINTS + " (consumer, position, updated_at)"
                        + " SELECT consumer, max(position), max(updated_at) FROM " + ControlSchema.CHECKPOINT_LOG + " GROUP BY consumer"
                        + " ON CONFLICT (consumer) DO UPDATE SET position = greatest(position, excluded.position), updated_at = excluded.updated_at");
                statement.execute("DELETE FROM " + ControlSchema.CHECKPOINT_LOG);
            }
        });
    }

    /** Makes a commit's batches visible; called after the commit succeeded. */
    void published(Map<String, Long> batches) {
        committed.putAll(batches);
    }

    long checkpoint(String consumer) {
        synchronized (reader) {
            try (PreparedStatement select = reader.prepareStatement("SELECT coalesce(max(position), 0) FROM (SELECT position FROM "
                    + ControlSchema.CHECKPOINTS + " WHERE consumer = ? UNION ALL SELECT position FROM " + ControlSchema.CHECKPOINT_LOG
                    + " WHERE consumer = ?)")) {
                select.setString(1, consumer);
                select.setString(2, consumer);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the checkpoint of '" + consumer + "': " + QueryRunner.readable(e), e);
            }
        }
    }

    /** Merges a batch's checkpoints: the furthest position per consumer. */
    static void merge(Map<String, Long> into, Checkpoint checkpoint) {
        into.merge(checkpoint.consumer(), checkpoint.position(), Math::max);
    }
}
