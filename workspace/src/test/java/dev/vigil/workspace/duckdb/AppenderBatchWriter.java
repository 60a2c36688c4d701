package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.ingest.BatchWriter;
import dev.vigil.workspace.ingest.IngestTarget;
import dev.vigil.workspace.ingest.PendingRows;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The other insert path, through the JDBC appender, kept beside {@link IngestPathMeasurement} so
 * that the comparison behind {@link NdjsonBatchWriter} can be repeated. Like it, each commit writes
 * the hidden columns too: a batch number (counted here, with no ledger) and the commit's time.
 */
final class AppenderBatchWriter implements BatchWriter {
    private final DuckDBConnection connection;
    private final Workspaces workspaces;
    private long batchNumber;

    AppenderBatchWriter(DuckDBConnection connection, Workspaces workspaces) {
        this.connection = connection;
        this.workspaces = workspaces;
    }

    @Override
    public void commit(List<PendingRows> batch) throws SQLException {
        commit(batch, true);
    }

    private void commit(List<PendingRows> batch, boolean keep) throws SQLException {
        connection.setAutoCommit(false);
        long number = ++batchNumber;
        LocalDateTime ingested = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        try {
            for (PendingRows request : batch) {
                String schema = workspaces.require(request.target().workspaceId()).schema();
                List<ColumnSchema> columns = request.target().table().columns();
                try (DuckDBAppender appender = connection.createAppender(schema, request.target().table().name())) {
                    for (Object[] row : request.rows()) {
                        appender.beginRow();
                        for (int i = 0; i < row.length; i++) {
                            append(appender, columns.get(i), row[i]);
                        }
                        appender.append(number);
                        appender.append(ingested);
                        appender.endRow();
                    }
                }
            }
            if (keep) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Appends the rows and rolls back; this path is only measured, so a refusal is not told apart from other failures. */
    @Override
    public void trial(IngestTarget target, List<Object[]> rows) throws SQLException {
        commit(List.of(new PendingRows(target, rows, Optional.empty(), new CompletableFuture<>(), 0)), false);
    }

    private static void append(DuckDBAppender appender, ColumnSchema column, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (column.type()) {
            case BOOL -> appender.append((Boolean) value);
            case INT -> appender.append((Integer) value);
            case LONG, TIMESPAN -> appender.append((Long) value);
            case REAL -> appender.append((Double) value);
            case DECIMAL -> appender.append((BigDecimal) value);
            case STRING, DYNAMIC -> appender.append((String) value);
            case DATETIME -> appender.append(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case GUID -> appender.append((UUID) value);
        }
    }
}
