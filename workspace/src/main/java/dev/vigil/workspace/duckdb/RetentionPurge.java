package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.PurgeReport;
import dev.vigil.workspace.catalog.WorkspaceTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows whose {@code TimeGenerated} is past their table's retention. It works on its
 * own connection in steps of {@value #STEP_ROWS} rows, each its own transaction, so the group
 * committer's appends (which never touch old rows) go on between and beside them. A step that
 * fails is logged and the table is tried again at the next pass.
 */
final class RetentionPurge {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    /** Small enough that a step is over in milliseconds, large enough that a big purge is not all overhead. */
    static final int STEP_ROWS = 10_000;

    private final Connection connection;
    private final Workspaces workspaces;
    private final Retentions retentions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer passes;
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean closed;

    RetentionPurge(Connection connection, Workspaces workspaces, Retentions retentions, Clock clock, MeterRegistry meters) {
        this.connection = connection;
        this.workspaces = workspaces;
        this.retentions = retentions;
        this.clock = clock;
        this.meters = meters;
        this.passes = Timer.builder("vigil.retention.purge").description("Time of one pass of the retention purge over every table").register(meters);
    }

    /** One pass over every table with storage of every workspace; nothing once closed. */
    PurgeReport run() {
        running.lock();
        try {
            return pass();
        } finally {
            running.unlock();
        }
    }

    /** Stops a pass under way at its next step and waits for that step, so that the connection can be closed. */
    void close() {
        closed = true;
        running.lock();
        running.unlock();
    }

    private PurgeReport pass() {
        long start = System.nanoTime();
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (String id : workspaces.ids()) {
            Workspace workspace = workspaces.require(id);
            for (WorkspaceTable table : workspace.tables().values()) {
                if (closed) {
                    break;
                }
                if (table.columns().stream().noneMatch(column -> column.name().equals("TimeGenerated"))) {
                    continue;
                }
                Instant cutoff = clock.instant().minus(Duration.ofDays(retentions.of(id, table.name()).retentionInDays()));
                long rows = purge(workspace, table, cutoff);
                if (rows > 0) {
                    deleted.put(id + "/" + table.name(), rows);
                    deletedRows(id, table.name()).increment(rows);
                }
            }
        }
        PurgeReport report = new PurgeReport(deleted, Duration.ofNanos(System.nanoTime() - start));
        passes.record(report.took());
        if (!deleted.isEmpty()) {
            LOG.info("retention purge deleted {} rows in {} ms: {}", report.totalRows(), report.took().toMillis(), deleted);
        }
        return report;
    }

    private long purge(Workspace workspace, WorkspaceTable table, Instant cutoff) {
        String relation = TableDdl.relation(workspace.schema(), table.name());
        String step = "DELETE FROM " + relation + " WHERE rowid IN (SELECT rowid FROM " + relation
                + " WHERE \"TimeGenerated\" < ? LIMIT " + STEP_ROWS + ")";
        long total = 0;
        try (PreparedStatement delete = connection.prepareStatement(step)) {
            delete.setObject(1, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            int rows;
            do {
                if (closed) {
                    break;
                }
                rows = delete.executeUpdate();
                total += rows;
            } while (rows == STEP_ROWS);
        } catch (SQLException e) {
            LOG.warn("retention purge of {}.{} stopped after {} rows and goes on at the next pass: {}", workspace.id(), table.name(), total,
                    QueryRunner.readable(e));
        }
        return total;
    }

    private Counter deletedRows(String workspace, String table) {
        return Counter.builder("vigil.retention.deleted.rows").description("Rows deleted for being past their table's retention")
                .tag("workspace", workspace).tag("table", table).register(meters);
    }
}
