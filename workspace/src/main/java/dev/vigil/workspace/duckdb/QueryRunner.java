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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.duckdb.DuckDBConnection;

/**
 * Runs compiled SQL on a connection of its own, so that queries never wait for the writer, and
 * hands the rows on in the query API's value forms, at most {@link QueryLimits} of them.
 *
 * <p>The statement asks DuckDB for one row more than the row cap, so the engine stops there
 * instead of producing a result no one will read, and it does all its work while the statement
 * executes, where a cancellation interrupts it. Reading the rows then only copies them, a chunk at
 * a time, checking the cancellation at each row.
 */
final class QueryRunner {
    private final DuckDBConnection database;
    private final QueryLimits limits;
    private final ScheduledExecutorService timer;

    QueryRunner(DuckDBConnection database, QueryLimits limits, ScheduledExecutorService timer) {
        this.database = database;
        this.limits = limits;
        this.timer = timer;
    }

    QuerySummary run(String sql, List<ColumnSchema> columns, Optional<Visualization> render, QueryControl control, ResultSink sink)
            throws IOException {
        QueryCancellation cancellation = control.cancellation();
        try (DuckDBConnection connection = database.duplicate();
             PreparedStatement statement = connection.prepareStatement(capped(sql));
             StatementInterrupter interrupter = new StatementInterrupter(statement, cancellation, timer);
             ResultSet rows = execute(statement, cancellation)) {
            sink.begin(columns, render);
            long count = 0;
            long bytes = 0;
            while (rows.next()) {
                cancellation.throwIfCancelled();
                if (count == limits.maxResultRows()) {
                    return new QuerySummary(count, bytes, Optional.of(new ResultTruncation(ResultTruncation.Kind.ROWS, count)));
                }
                List<Object> row = read(rows, columns);
                long size = ResultSize.ofRow(row);
                if (bytes + size > limits.maxResultBytes()) {
                    return new QuerySummary(count, bytes, Optional.of(new ResultTruncation(ResultTruncation.Kind.BYTES, limits.maxResultBytes())));
                }
                sink.row(row);
                count++;
                bytes += size;
            }
            return new QuerySummary(count, bytes, Optional.empty());
        } catch (SQLException e) {
            cancellation.throwIfCancelled();
            throw new QueryExecutionException("the query failed while running: " + readable(e), e);
        }
    }

    /**
     * Runs a schema probe on the same kind of connection as queries, so that it sees what the
     * query will see; its rows are the data-dependent columns of one operator.
     */
    List<ColumnSchema> probe(SchemaProbe probe, QueryCancellation cancellation) {
        try (DuckDBConnection connection = database.duplicate();
             PreparedStatement statement = connection.prepareStatement(probe.sql());
             StatementInterrupter interrupter = new StatementInterrupter(statement, cancellation, timer);
             ResultSet rows = execute(statement, cancellation)) {
            List<ColumnSchema> columns = new ArrayList<>();
            while (rows.next()) {
                columns.add(SchemaProbe.column(rows.getString("name"), rows.getString("type")));
            }
            return columns;
        } catch (SQLException e) {
            cancellation.throwIfCancelled();
            throw new QueryExecutionException("the query failed while finding the columns of " + probe.operator() + ": " + readable(e), e);
        }
    }

    private static ResultSet execute(PreparedStatement statement, QueryCancellation cancellation) throws SQLException {
        cancellation.throwIfCancelled();
        return statement.executeQuery();
    }

    /** The query with a row more than the cap, which tells a result that reached the cap from one that exceeds it. */
    private String capped(String sql) {
        return "SELECT * FROM (" + sql + "\n) AS capped_result LIMIT " + (limits.maxResultRows() + 1L);
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
