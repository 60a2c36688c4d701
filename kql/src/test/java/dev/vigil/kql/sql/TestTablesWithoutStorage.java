package dev.vigil.kql.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.kql.Compilation;
import dev.vigil.kql.CompileOptions;
import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.Kql;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.catalog.TableSchema;
import dev.vigil.kql.types.KqlType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A table known by its schema alone reads as an empty relation of its columns' types, on a database that has no such table. */
class TestTablesWithoutStorage {
    private static final TableSchema SYSLOG = TableSchema.withoutStorage("Syslog", List.of(
            new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("Computer", KqlType.STRING),
            new ColumnSchema("ProcessID", KqlType.INT),
            new ColumnSchema("SyslogMessage", KqlType.STRING)));
    private static final TableSchema STORED = new TableSchema("Stored_CL", List.of("Stored_CL"), List.of(
            new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("Computer", KqlType.STRING)));
    private static final Catalog CATALOG = Catalog.of(List.of(SYSLOG, STORED));
    private static final CompileOptions OPTIONS = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z"));

    private static long firstLong(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE Stored_CL (TimeGenerated TIMESTAMP, Computer VARCHAR, _IngestBatch BIGINT)");
            statement.execute("INSERT INTO Stored_CL VALUES (TIMESTAMP '2024-03-10 11:00:00', 'web-1', 1)");
            try (ResultSet result = statement.executeQuery(sql)) {
                assertThat(result.next()).isTrue();
                return result.getLong(1);
            }
        }
    }

    @Test
    void testQueryOverATableWithoutStorageRunsAndCountsNoRows() throws SQLException {
        Compilation compilation = Kql.compile("Syslog | where SyslogMessage has 'Failed password' | summarize n = count() by Computer | count",
                CATALOG, OPTIONS);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.sql()).doesNotContain("\"Syslog\"").contains("WHERE false");
        assertThat(firstLong(compilation.sql())).isZero();
    }

    @Test
    void testColumnsKeepTheirTypesSoThatTypedExpressionsCompile() throws SQLException {
        Compilation compilation = Kql.compile("Syslog | extend Next = ProcessID + 1 | union Stored_CL | count", CATALOG, OPTIONS);

        assertThat(compilation.errors()).isEmpty();
        assertThat(compilation.outputSchema()).extracting(ColumnSchema::name).containsExactly("Count");
        assertThat(firstLong(compilation.sql())).isEqualTo(1);
    }

    @Test
    void testAnIngestionRangeLeavesTheEmptyRelationAlone() throws SQLException {
        Compilation compilation = Kql.compile("Syslog | count", CATALOG, OPTIONS.withIngestion(new IngestionRange("_IngestBatch", 0, 10)));

        assertThat(compilation.errors()).isEmpty();
        assertThat(firstLong(compilation.sql())).isZero();
    }
}
