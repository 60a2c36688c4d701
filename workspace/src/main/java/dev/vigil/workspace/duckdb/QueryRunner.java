package dev.vigil.workspace.duckdb;

import dev.vigil.kql.SchemaProbe;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.query.ResultValues;
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
import org.duckdb.DuckDBConnection;

/**
 * Runs compiled SQL on a connection of its own, so that queries never wait for the writer, and
 * reads the rows into the query API's value forms.
 */
final class QueryRunner {
    private final DuckDBConnection database;

    QueryRunner(DuckDBConnection database) {
        this.database = database;
    }

    List<List<Object>> run(String sql, List<ColumnSchema> columns) {
        try (DuckDBConnection connection = database.duplicate();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<List<Object>> result = new ArrayList<>();
            while (rows.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    ColumnSchema column = columns.get(i);
                    row[i] = ResultValues.encode(column.type(), read(rows, i + 1, column));
                }
                result.add(Arrays.asList(row));
            }
            return result;
        } catch (SQLException e) {
            throw new QueryExecutionException("the query failed while running: " + readable(e), e);
        }
    }

    /**
     * Runs a schema probe on the same kind of connection as queries, so that it sees what the
     * query will see; its rows are the data-dependent columns of one operator.
     */
    List<ColumnSchema> probe(SchemaProbe probe) {
        try (DuckDBConnection connection = database.duplicate();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(probe.sql())) {
            List<ColumnSchema> columns = new ArrayList<>();
            while (rows.next()) {
                columns.add(SchemaProbe.column(rows.getString("name"), rows.getString("type")));
            }
            return columns;
        } catch (SQLException e) {
            throw new QueryExecutionException("the query failed while finding the columns of " + probe.operator() + ": " + readable(e), e);
        }
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
