package dev.vigil.kql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.Kql;
import dev.vigil.kql.ResultTable;
import dev.vigil.kql.SchemaProbe;
import dev.vigil.kql.TimeRange;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.sql.DuckDbTypes;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of {@code src/test/resources/conformance/*.kqltest} through the whole compiler
 * and a real in-memory DuckDB, checking result columns, their KQL types, the physical DuckDB type
 * of each column, and the rows.
 */
class TestKqlConformance {
    private static Connection connection;

    @BeforeAll
    static void createTables() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        ConformanceTables.create(connection);
        JavaFunctionInstaller.install((org.duckdb.DuckDBConnection) connection);
        // the sandbox the workspace runs queries in (workspace EngineLimits): every function must work without file access
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET enable_external_access = false");
            statement.execute("SET lock_configuration = true");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @TestFactory
    Stream<DynamicTest> conformanceCases() throws IOException, URISyntaxException {
        Path directory = Path.of(TestKqlConformance.class.getResource("/conformance").toURI());
        List<ConformanceCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kqltest")).sorted().toList()) {
                cases.addAll(ConformanceFile.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c)));
    }

    /** Runs a schema probe as the workspace does, so that undeclared bag_unpack and pivot columns are found. */
    private static List<ColumnSchema> probe(SchemaProbe probe) {
        List<ColumnSchema> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(probe.sql())) {
            while (result.next()) {
                columns.add(SchemaProbe.column(result.getString("name"), result.getString("type")));
            }
        } catch (SQLException e) {
            throw new AssertionError("the probe failed: " + e.getMessage() + "\n" + probe.sql(), e);
        }
        return columns;
    }

    private static void run(ConformanceCase testCase) throws SQLException {
        CompileOptions options = CompileOptions.at(ConformanceTables.NOW).withIngestionTimeColumn(ConformanceTables.INGESTION_TIME);
        if (testCase.timeRange().isPresent()) {
            String[] bounds = testCase.timeRange().get().split("\\s+");
            options = options.withTimeRange(new TimeRange(Instant.parse(bounds[0]), Instant.parse(bounds[1])));
        }
        Compilation compilation = Kql.compile(testCase.query(), ConformanceTables.CATALOG, options, TestKqlConformance::probe);
        if (testCase.error().isPresent()) {
            assertThat(compilation.errors()).as("errors of %s", testCase.query()).hasSize(1);
            KqlDiagnostic error = compilation.errors().get(0);
            assertThat(error.code() + " " + error.line() + ":" + error.column()).as(error.describe()).isEqualTo(testCase.error().get());
            return;
        }
        assertThat(compilation.errors()).as("errors of %s", testCase.query()).isEmpty();
        List<ExpectedTable> expectedTables = testCase.tables();
        List<ResultTable> results = compilation.results();
        if (expectedTables.size() == 1 && expectedTables.get(0).name().isEmpty()) {
            assertThat(results).as("results of %s", testCase.query()).hasSize(1);
        } else {
            assertThat(results).extracting(ResultTable::name).as("result tables of %s", testCase.query())
                    .containsExactlyElementsOf(expectedTables.stream().map(t -> t.name().orElseThrow()).toList());
        }
        for (int i = 0; i < expectedTables.size(); i++) {
            check(testCase, expectedTables.get(i), results.get(i));
        }
    }

    private static void check(ConformanceCase testCase, ExpectedTable expectedTable, ResultTable result) throws SQLException {
        String table = expectedTable.name().map(name -> " (table " + name + ")").orElse("");
        List<String> columns = result.schema().stream().map(c -> c.name() + ":" + c.type().kqlName()).toList();
        assertThat(columns).as("columns of %s%s", testCase.query(), table).containsExactlyElementsOf(expectedTable.columns());

        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(result.sql())) {
            ResultSetMetaData metadata = resultSet.getMetaData();
            List<ColumnSchema> schema = result.schema();
            assertThat(metadata.getColumnCount()).isEqualTo(schema.size());
            for (int i = 0; i < schema.size(); i++) {
                assertThat(metadata.getColumnName(i + 1)).isEqualTo(schema.get(i).name());
                assertThat(metadata.getColumnTypeName(i + 1)).as("DuckDB type of column %s in\n%s", schema.get(i).name(), result.sql())
                        .isEqualTo(DuckDbTypes.sqlType(schema.get(i).type()));
            }
            while (resultSet.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < schema.size(); i++) {
                    row.add(ResultCells.read(resultSet, i + 1, schema.get(i).type()));
                }
                rows.add(row);
            }
        }
        List<List<String>> expected = expectedTable.rows();
        if (!expectedTable.ordered()) {
            rows.sort(Comparator.comparing(Object::toString));
            expected = new ArrayList<>(expected);
            expected.sort(Comparator.comparing(Object::toString));
        }
        assertThat(rows).as("rows of %s%s\nSQL:\n%s", testCase.query(), table, result.sql()).containsExactlyElementsOf(expected);
    }
}
