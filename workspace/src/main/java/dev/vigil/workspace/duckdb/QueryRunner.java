package dev.vigil.workspace.duckdb;

import dev.vigil.kql.SchemaProbe;
import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.QueryCancellation;
import dev.vigil.workspace.api.QueryControl;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.workspace.api.QuerySummary;
import dev.vigil.workspace.api.ResultSink;
import dev.vigil.workspace.api.ResultTruncation;
import dev.vigil.workspace.query.ResultSize;
import dev.vigil.workspace.query.ResultValues;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.duckdb.DuckDBChunkedResult;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Runs compiled SQL on a connection of its own, so that queries never wait for the writer, and
 * hands the rows on in the query API's value forms, at most {@link QueryLimits} of them.
 *
 * <p>Query connections stream their results ({@link #streamingConnections}): the engine fills a
 * small buffer ahead of the reader and waits while it is full, so reading stops the query at the
 * row after the cap, and closing the result ends it. A result that fits the buffer, the usual
 * case, is computed entirely while the statement executes, where a cancellation interrupts the
 * engine; for a larger one the engine resumes as the rows are read, and the reader checks the
 * cancellation at each row, so a cancel then takes effect at the engine's next row.
 *
 * <p>The statement is run as compiled, so the engine plans it exactly as written; the cap is
 * enforced by reading, as above.
 */
final class QueryRunner {
    /** What the JDBC driver (2.0.0.1) reports instead of the engine's reason; see {@link #reason}. */
    private static final String REASON_LOST = "Invalid Input Error: Invalid result set";

    private final DuckDBConnection streaming;
    private final QueryLimits limits;
    private final ScheduledExecutorService timer;

    /**
     * @param streaming the connection made by {@link #streamingConnections}; each query runs on a
     *     duplicate of it
     */
    QueryRunner(DuckDBConnection streaming, QueryLimits limits, ScheduledExecutorService timer) {
        this.streaming = streaming;
        this.limits = limits;
        this.timer = timer;
    }

    /**
     * A connection whose duplicates stream their results, which DuckDB's JDBC driver does for a
     * connection with the session setting {@code jdbc_stream_results} and copies to duplicates.
     * Make it before {@link EngineLimits} locks the configuration; the store's other connections
     * keep reading whole results.
     */
    static DuckDBConnection streamingConnections(DuckDBConnection database) throws SQLException {
        DuckDBConnection connection = database.duplicate();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET jdbc_stream_results = true");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Runs {@code tables} in order and hands their rows to {@code sink}: all of them when it takes every table, else the
     * first only. Several run in one transaction, so that they all read the same snapshot. The result limits count the
     * rows of every table together; at a limit, the tables not reached are left out.
     */
    QuerySummary run(List<dev.vigil.kql.ResultTable> tables, Optional<Visualization> render, QueryControl control, ResultSink sink)
            throws IOException {
        List<dev.vigil.kql.ResultTable> wanted = sink.takesEveryTable() ? tables : tables.subList(0, 1);
        QueryCancellation cancellation = control.cancellation();
        String sql = wanted.get(0).sql();
        try (DuckDBConnection connection = streaming.duplicate();
             Statement statement = connection.createStatement();
             StatementInterrupter interrupter = new StatementInterrupter(statement, cancellation, timer)) {
            if (wanted.size() > 1) {
                connection.setAutoCommit(false);
            }
            long count = 0;
            long bytes = 0;
            for (dev.vigil.kql.ResultTable table : wanted) {
                sql = table.sql();
                List<ColumnSchema> columns = table.schema();
                try (ResultSet rows = execute(statement, sql, cancellation)) {
                    sink.begin(table.name(), columns, render);
                    while (rows.next()) {
                        cancellation.throwIfCancelled();
                        if (count == limits.maxResultRows()) {
                            return new QuerySummary(count, bytes, Optional.of(new ResultTruncation(ResultTruncation.Kind.ROWS, count)));
                        }
                        List<Object> row = read(rows, columns);
                        long size = ResultSize.ofRow(row);
                        if (bytes + size > limits.maxResultBytes()) {
                            return new QuerySummary(count, bytes,
                                    Optional.of(new ResultTruncation(ResultTruncation.Kind.BYTES, limits.maxResultBytes())));
                        }
                        sink.row(row);
                        count++;
                        bytes += size;
                    }
                }
            }
            return new QuerySummary(count, bytes, Optional.empty());
        } catch (SQLException e) {
            cancellation.throwIfCancelled();
            throw new QueryExecutionException("the query failed while running: " + reason(e, sql, cancellation), e);
        }
    }

    /**
     * Runs a schema probe on the same kind of connection as queries, so that it sees what the
     * query will see; its rows are the data-dependent columns of one operator.
     */
    List<ColumnSchema> probe(SchemaProbe probe, QueryCancellation cancellation) {
        try (DuckDBConnection connection = streaming.duplicate();
             Statement statement = connection.createStatement();
             StatementInterrupter interrupter = new StatementInterrupter(statement, cancellation, timer);
             ResultSet rows = execute(statement, probe.sql(), cancellation)) {
            List<ColumnSchema> columns = new ArrayList<>();
            while (rows.next()) {
                columns.add(SchemaProbe.column(rows.getString("name"), rows.getString("type")));
            }
            return columns;
        } catch (SQLException e) {
            cancellation.throwIfCancelled();
            throw new QueryExecutionException("the query failed while finding the columns of " + probe.operator() + ": "
                    + reason(e, probe.sql(), cancellation), e);
        }
    }

    /**
     * Runs the statement as a plain one: DuckDB's driver then executes it directly, where preparing
     * it first and executing the prepared statement cost a selective scan about 4 ms more.
     */
    private static ResultSet execute(Statement statement, String sql, QueryCancellation cancellation) throws SQLException {
        cancellation.throwIfCancelled();
        return statement.executeQuery(sql);
    }

    /**
     * Why a statement failed, in DuckDB's words. The JDBC driver loses them when a streamed
     * statement fails in the engine's work before its first rows are ready, and says only
     * {@value #REASON_LOST}; its chunk interface keeps them. So such a statement runs once more
     * through that, up to its first rows (none are read), to learn the reason: only queries that
     * failed pay for it.
     */
    private String reason(SQLException failure, String sql, QueryCancellation cancellation) {
        String reason = readable(failure);
        if (!reason.equals(REASON_LOST)) {
            return reason;
        }
        try (DuckDBConnection connection = streaming.duplicate();
             DuckDBPreparedStatement statement = connection.prepareStatement(sql).unwrap(DuckDBPreparedStatement.class);
             StatementInterrupter interrupter = new StatementInterrupter(statement, cancellation, timer);
             DuckDBChunkedResult again = statement.query()) {
            return reason;
        } catch (SQLException e) {
            cancellation.throwIfCancelled();
            return readable(e);
        }
    }

    /** The current row in the query API's value forms. */
    static List<Object> read(ResultSet rows, List<ColumnSchema> columns) throws SQLException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            ColumnSchema column = columns.get(i);
            row[i] = ResultValues.encode(column.type(), read(rows, i + 1, column));
        }
        return Arrays.asList(row);
    }

    /** The engine's value in the neutral form {@link ResultValues} expects. */
    private static Object read(ResultSet rows, int index, ColumnSchema column) throws SQLException {
        Object value = switch (column.type()) {
            case BOOL -> rows.getBoolean(index);
            case INT -> rows.getInt(index);
            case LONG, TIMESPAN -> rows.getLong(index);
            case REAL -> rows.getDouble(index);
            case DECIMAL -> rows.getBigDecimal(index);
            case STRING, DYNAMIC -> rows.getString(index);
            case GUID -> rows.getObject(index);
            case DATETIME -> instant(rows.getObject(index, LocalDateTime.class));
        };
        return rows.wasNull() ? null : value;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            // The driver builds timestamps in the JVM's zone; undo that to get the stored UTC time.
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("a datetime column returned " + value.getClass().getName());
    }

    /** DuckDB's message without the JDBC wrapping, e.g. {@code Conversion Error: ...}. */
    static String readable(SQLException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        message = message.replaceFirst("^java\\.sql\\.SQLException: ", "");
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
