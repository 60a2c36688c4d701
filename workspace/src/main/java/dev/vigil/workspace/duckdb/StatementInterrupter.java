package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.QueryCancellation;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interrupts a statement in the engine when its query is cancelled, so that it stops using the
 * machine. DuckDB's {@link Statement#cancel()} only takes while the statement executes; a cancel
 * that lands just before that would be lost, so it is repeated until the statement is closed.
 * While rows are read, the reader checks the cancellation itself.
 */
final class StatementInterrupter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatementInterrupter.class);
    private static final long REPEAT_MILLIS = 50;

    private final Statement statement;
    private final ScheduledExecutorService timer;
    private final QueryCancellation.Registration listening;
    private volatile boolean closed;
    private ScheduledFuture<?> repeating;

    StatementInterrupter(Statement statement, QueryCancellation cancellation, ScheduledExecutorService timer) {
        this.statement = statement;
        this.timer = timer;
        this.listening = cancellation.onCancel(this::interrupt);
    }

    private synchronized void interrupt() {
        if (closed || repeating != null) {
            return;
        }
        repeating = timer.scheduleWithFixedDelay(this::cancelStatement, 0, REPEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void cancelStatement() {
        if (closed) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            // closed meanwhile: the query has stopped anyway
            LOG.debug("cancelling a statement failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (repeating != null) {
            repeating.cancel(false);
        }
        listening.close();
    }
}
