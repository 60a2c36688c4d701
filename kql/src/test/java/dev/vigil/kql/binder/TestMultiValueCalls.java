package dev.vigil.kql.binder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.JavaFunction;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBScalarFunctionBuilder;
import org.junit.jupiter.api.Test;

class TestMultiValueCalls {
    private static final String FIT_POLY = "vigil_series_fit_poly_bag";

    @Test
    void testAMultiValuedJavaFunctionRunsOncePerRowWhateverItsColumnCount() throws SQLException {
        // more rows than one DuckDB vector holds (2048)
        String rows = "range i from 1 to 3000 step 1 | extend y = pack_array(i, i * 2, i * i, 3)";

        assertThat(callsAndColumns(rows + " | extend series_fit_poly(y)")).containsExactly(3000L, 7L);
        assertThat(callsAndColumns(rows + " | project series_fit_poly(y, dynamic(null), 2)")).containsExactly(3000L, 5L);
        assertThat(callsAndColumns(rows + " | extend (r, c, v) = series_fit_poly(y)")).containsExactly(3000L, 5L);
    }

    @Test
    void testALaterCallOfTheSameOperatorReadsAnEarlierCallsParts() throws SQLException {
        String query = "range i from 1 to 4 step 1 | extend y = pack_array(i, i * 2, i * 3)"
                + " | extend series_fit_poly(y), (lo, at) = series_stats(series_fit_poly_y_poly_fit) | project i, lo";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            AtomicLong calls = installCounting((DuckDBConnection) connection);
            try (ResultSet result = statement.executeQuery(compile(query).sql())) {
                long row = 0;
                while (result.next()) {
                    row++;
                    // y is a line through the origin of slope i: its fit's smallest value is at x = 1
                    assertThat(result.getLong("i")).isEqualTo(row);
                    assertThat(result.getDouble("lo")).isCloseTo(row, offset(1e-9));
                }
                assertThat(row).isEqualTo(4);
            }
            assertThat(calls.get()).isEqualTo(4);
        }
    }

    /** The calls of the fit's Java code and the result's column count. */
    private static List<Long> callsAndColumns(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            AtomicLong calls = installCounting((DuckDBConnection) connection);
            try (ResultSet result = statement.executeQuery(compile(query).sql())) {
                long columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    assertThat(result.getObject(result.getMetaData().getColumnCount())).isNotNull();
                }
                return List.of(calls.get(), columns);
            }
        }
    }

    private static Compilation compile(String query) {
        Compilation compilation = Kql.compile(query, Catalog.of(List.of()), CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));
        assertThat(compilation.errors()).isEmpty();
        return compilation;
    }

    /** The fit's own Java code, registered under its SQL name with a count of its calls. */
    private static AtomicLong installCounting(DuckDBConnection connection) throws SQLException {
        JavaFunction fit = FunctionRegistry.javaFunctions().stream().filter(f -> f.sqlName().equals(FIT_POLY)).findFirst().orElseThrow();
        AtomicLong calls = new AtomicLong();
        try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(FIT_POLY)
                    .withParameters(DuckDBColumnType.VARCHAR, DuckDBColumnType.VARCHAR, DuckDBColumnType.BIGINT)
                    .withReturnType(DuckDBColumnType.VARCHAR)
                    .withVectorizedFunction((input, output) -> {
                        DuckDBReadableVector y = input.vector(0);
                        DuckDBReadableVector x = input.vector(1);
                        DuckDBReadableVector degree = input.vector(2);
                        for (long row = 0; row < input.rowCount(); row++) {
                            calls.incrementAndGet();
                            Object value = fit.body().apply(new Object[] {y.isNull(row) ? null : y.getString(row),
                                    x.isNull(row) ? null : x.getString(row), degree.isNull(row) ? null : degree.getLong(row)});
                            if (value == null) {
                                output.setNull(row);
                            } else {
                                output.setString(row, (String) value);
                            }
                        }
                    })
                    .register(connection);
        }
        return calls;
    }
}
