package dev.vigil.workspace.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transaction begun and ended with SQL on a connection that stays in auto-commit mode.
 *
 * <p>Not JDBC's {@code setAutoCommit(false)}: once a commit fails (say the write-ahead log cannot
 * be written), DuckDB's driver loses track of its transaction. The connection then runs every
 * statement in a transaction of its own while {@code commit()} throws "no transaction is
 * active", so rows that were written are reported as failed, and every later commit fails with
 * that unrelated message until a restart. A {@code COMMIT} statement that fails leaves nothing
 * behind: the next {@code BEGIN} starts afresh.
 */
final class SqlTransaction {
    private static final Logger LOG = LoggerFactory.getLogger(SqlTransaction.class);

    /** Work inside a transaction; {@code E} is what it may throw besides SQL errors. */
    @FunctionalInterface
    interface Work<E extends Exception> {
        void run() throws SQLException, E;
    }

    private SqlTransaction() {
    }

    /** Runs the work and commits it; when the work or the commit fails, nothing of it is kept. */
    static <E extends Exception> void commit(Connection connection, Work<E> work) throws SQLException, E {
        run(connection, work, true);
    }

    /** Runs the work and rolls it back, to see whether it goes through without keeping it. */
    static <E extends Exception> void rollBackAfter(Connection connection, Work<E> work) throws SQLException, E {
        run(connection, work, false);
    }

    private static <E extends Exception> void run(Connection connection, Work<E> work, boolean keep) throws SQLException, E {
        execute(connection, "BEGIN TRANSACTION");
        boolean committed = false;
        try {
            work.run();
            if (keep) {
                execute(connection, "COMMIT");
                committed = true;
            }
        } finally {
            if (!committed) {
                try {
                    execute(connection, "ROLLBACK");
                } catch (SQLException e) {
                    // a failed COMMIT has already ended the transaction
                    LOG.debug("rollback after a failed transaction: {}", QueryRunner.readable(e));
                }
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
