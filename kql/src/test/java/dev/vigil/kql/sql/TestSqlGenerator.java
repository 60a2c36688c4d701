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

class TestSqlGenerator {
    private static final TableSchema SECURITY_ALERT = new TableSchema("SecurityAlert", List.of("ws_default", "SecurityAlert"), List.of(
            new ColumnSchema("TimeGenerated", KqlType.DATETIME),
            new ColumnSchema("AlertSeverity", KqlType.STRING),
            new ColumnSchema("ProductName", KqlType.STRING),
            new ColumnSchema("ExtendedProperties", KqlType.STRING)));
    private static final Catalog CATALOG = Catalog.of(List.of(SECURITY_ALERT));
    private static final String BENCHMARK =
            "SecurityAlert | where ProductName == \"Azure Security Center for IoT\" | summarize count() by bin(TimeGenerated, 1h), AlertSeverity";

    @Test
    void testBenchmarkQueryCompilesToPlainPredicateAndIntegerBins() {
        Compilation compilation = Kql.compile(BENCHMARK, CATALOG, CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));

        assertThat(compilation.sql()).isEqualTo("""
                WITH __stage0 AS (SELECT "TimeGenerated", "AlertSeverity", "ProductName", "ExtendedProperties" FROM "ws_default"."SecurityAlert"),
                     __stage1 AS (SELECT * FROM __stage0 WHERE ("ProductName" = 'Azure Security Center for IoT')),
                     __stage2 AS (SELECT make_timestamp_ns(epoch_ns("TimeGenerated") - (((epoch_ns("TimeGenerated") % 3600000000000) + 3600000000000) % 3600000000000)) AS "TimeGenerated", "AlertSeverity", count(*) AS "count_" FROM __stage1 GROUP BY 1, 2)
                SELECT * FROM __stage2""");
    }

    @Test
    void testFilterReachesTheTableScan() throws SQLException {
        Compilation compilation = Kql.compile(BENCHMARK, CATALOG, CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA ws_default");
            statement.execute("CREATE TABLE ws_default.SecurityAlert (TimeGenerated TIMESTAMP, AlertSeverity VARCHAR, ProductName VARCHAR,"
                    + " ExtendedProperties VARCHAR, _IngestBatch BIGINT)");
            statement.execute("INSERT INTO ws_default.SecurityAlert SELECT TIMESTAMP '2024-01-01' + to_minutes(i), 'High', CASE WHEN i % 3 = 0 THEN 'Azure Security Center for IoT' ELSE 'Other' END, '{}', i FROM range(1000) t(i)");
            StringBuilder plan = new StringBuilder();
            try (ResultSet result = statement.executeQuery("EXPLAIN " + compilation.sql())) {
                while (result.next()) {
                    plan.append(result.getString(2));
                }
            }
            // the CTEs are inlined: the predicate is a filter of the scan, not of a materialized stage
            assertThat(plan.toString().toUpperCase()).containsPattern("SEQ.SCAN").contains("FILTERS:").doesNotContain("CTE");
        }
    }

    @Test
    void testAnIngestionRangeRestrictsTheScanAndKeepsItsColumnOutOfTheResult() throws SQLException {
        CompileOptions options = CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z"))
                .withIngestion(new IngestionRange("_IngestBatch", 100, 399));
        Compilation compilation = Kql.compile("SecurityAlert | where ProductName == 'Other' | count", CATALOG, options);
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA ws_default");
            statement.execute("CREATE TABLE ws_default.SecurityAlert (TimeGenerated TIMESTAMP, AlertSeverity VARCHAR, ProductName VARCHAR,"
                    + " ExtendedProperties VARCHAR, _IngestBatch BIGINT)");
            statement.execute("INSERT INTO ws_default.SecurityAlert SELECT TIMESTAMP '2024-01-01', 'High', CASE WHEN i % 3 = 0 THEN 'Azure Security Center for IoT' ELSE 'Other' END, '{}', i FROM range(1000) t(i)");
            try (ResultSet result = statement.executeQuery(compilation.sql())) {
                result.next();
                // batches 101..399 hold 299 rows; 100 of them (102, 105 ... 399) are the IoT product
                assertThat(result.getLong(1)).isEqualTo(299 - 100);
            }
            try (ResultSet result = statement.executeQuery(Kql.compile("SecurityAlert | take 1", CATALOG, options).sql())) {
                assertThat(result.getMetaData().getColumnCount()).isEqualTo(4);
            }
        }
    }

    @Test
    void testIdentifiersAreQuotedWithInnerQuotesDoubled() {
        assertThat(SqlIdentifiers.quote("Time\"Generated")).isEqualTo("\"Time\"\"Generated\"");
    }

    @Test
    void testEveryKqlTypeHasOnePhysicalType() {
        assertThat(DuckDbTypes.sqlType(KqlType.TIMESPAN)).isEqualTo("BIGINT");
        assertThat(DuckDbTypes.sqlType(KqlType.DATETIME)).isEqualTo("TIMESTAMP_NS");
        assertThat(DuckDbTypes.sqlType(KqlType.DYNAMIC)).isEqualTo("JSON");
        for (KqlType type : KqlType.values()) {
            assertThat(DuckDbTypes.sqlType(type)).isNotBlank();
        }
    }

    private static String sql(String query) {
        Compilation compilation = Kql.compile(query, CATALOG, CompileOptions.at(Instant.parse("2024-03-10T12:00:00Z")));
        assertThat(compilation.errors()).isEmpty();
        return compilation.sql();
    }

    @Test
    void testInneruniqueJoinKeepsOneLeftRowPerKey() {
        assertThat(sql("SecurityAlert | join (SecurityAlert) on AlertSeverity")).contains("DISTINCT ON (\"AlertSeverity\")");
    }

    @Test
    void testInneruniqueJoinSkipsTheDedupWhenTheLeftIsSummarizedByTheKeys() {
        assertThat(sql("SecurityAlert | summarize count() by AlertSeverity | join (SecurityAlert) on AlertSeverity"))
                .doesNotContain("DISTINCT ON");
        assertThat(sql("SecurityAlert | distinct AlertSeverity, ProductName"
                + " | join (SecurityAlert) on AlertSeverity, ProductName")).doesNotContain("DISTINCT ON");
        assertThat(sql("SecurityAlert | summarize n = count() by AlertSeverity | where n > 1 | extend m = n * 2"
                + " | sort by n | join (SecurityAlert) on AlertSeverity")).doesNotContain("DISTINCT ON");
        assertThat(sql("SecurityAlert | summarize count() by AlertSeverity | project Level = AlertSeverity"
                + " | join (SecurityAlert | project Level = AlertSeverity) on Level")).doesNotContain("DISTINCT ON");
        assertThat(sql("SecurityAlert | summarize count() | join (SecurityAlert | summarize count()) on count_"))
                .doesNotContain("DISTINCT ON");
    }

    @Test
    void testInneruniqueJoinKeepsTheDedupWhenTheLeftIsUniqueOnMoreColumnsThanTheKeys() {
        assertThat(sql("SecurityAlert | summarize count() by AlertSeverity, ProductName | join (SecurityAlert) on AlertSeverity"))
                .contains("DISTINCT ON (\"AlertSeverity\")");
        assertThat(sql("SecurityAlert | summarize count() by AlertSeverity | project Level = tolower(AlertSeverity)"
                + " | join (SecurityAlert | project Level = AlertSeverity) on Level")).contains("DISTINCT ON (\"Level\")");
        assertThat(sql("SecurityAlert | summarize count() by AlertSeverity | mv-expand x = pack_array(1, 2)"
                + " | join (SecurityAlert) on AlertSeverity")).contains("DISTINCT ON (\"AlertSeverity\")");
    }

    @Test
    void testMvExpandOfBagKeysOfParsedTextReadsTheTextOnceAsAListOfStrings() {
        String sql = sql("SecurityAlert | mv-expand Key = bag_keys(parse_json(ExtendedProperties)) to typeof(string) | summarize count() by Key");

        assertThat(sql).contains("TRY(json_keys(\"ExtendedProperties\")) AS __source0")
                .contains("coalesce(__element0, '') AS \"Key\"")
                // no validation pass, no keys written as JSON text and parsed again, no per-element extraction
                .doesNotContain("json_valid").doesNotContain("to_json(json_keys").doesNotContain("AS JSON[]")
                .doesNotContain("json_extract_string");
    }

    @Test
    void testMvExpandOfBagKeysWithoutATypeGivesDynamicStrings() {
        assertThat(sql("SecurityAlert | mv-expand Key = bag_keys(parse_json(ExtendedProperties))"))
                .contains("to_json(__element0) AS \"Key\"");
    }

    @Test
    void testMvExpandOfOtherDynamicValuesStillAsksForTheirShape() {
        assertThat(sql("SecurityAlert | mv-expand Value = parse_json(ExtendedProperties) to typeof(string)"))
                .contains("CASE json_type(__source0) WHEN 'ARRAY'").doesNotContain("TRY(json_keys");
    }

    @Test
    void testArgMaxOverADatetimeKeyComparesIntegersInOneAggregate() {
        String sql = sql("SecurityAlert | summarize arg_max(TimeGenerated, *) by AlertSeverity");

        // DuckDB's arg_max has no TIMESTAMP_NS kernel; null keys rank lowest instead of needing first() besides
        assertThat(sql).contains("arg_max({").contains("coalesce(epoch_ns(\"TimeGenerated\"), CASE WHEN")
                .doesNotContain("first(");
    }

    @Test
    void testArgMinOverADatetimeKeyNegatesItsNanoseconds() {
        assertThat(sql("SecurityAlert | summarize arg_min(TimeGenerated, ProductName) by AlertSeverity"))
                .contains("arg_max({").contains("-epoch_ns(\"TimeGenerated\")").doesNotContain("arg_min(");
    }

    @Test
    void testArgMaxOverOtherKeysReadsFirstOnlyForNullKeys() {
        assertThat(sql("SecurityAlert | summarize arg_max(ProductName, *) by AlertSeverity"))
                .contains("arg_max({").contains("FILTER (WHERE \"ProductName\" IS NULL)");
    }

    @Test
    void testParseStartingWithAStarSearchesInsteadOfAnchoringALazyPrefix() {
        assertThat(sql("SecurityAlert | parse ProductName with * \"/IotHubs/\" Hub"))
                .contains("'(?s)/IotHubs/(.*)$'");
        assertThat(sql("SecurityAlert | parse ProductName with \"a=\" A \";\" *"))
                .contains("'(?s)^a=(.*?);'");
    }
}
