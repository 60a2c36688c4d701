package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.types.KqlType;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.IngestionLimits;
import dev.vigil.workspace.api.KqlQueryException;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.api.QueryRequest;
import dev.vigil.workspace.api.QueryResult;
import dev.vigil.workspace.api.RowsRejectedException;
import dev.vigil.workspace.api.TableDefinition;
import dev.vigil.workspace.api.TableInfo;
import dev.vigil.workspace.api.TableKind;
import dev.vigil.workspace.api.TableNotFoundException;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestDuckDbLogStore {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @RegisterExtension
    final SmallStorage storage = SmallStorage.perTest().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withWorkspace("default");

    @Test
    void testANewWorkspaceHasTheBuiltInTablesWithNoRows() {
        List<TableInfo> tables = storage.logs().tables("default");

        assertThat(tables).filteredOn(t -> t.kind() != TableKind.STANDARD).extracting(TableInfo::name).containsExactly("SecurityAlert",
                "SecurityIncident", "SecurityIoTRawEvent", "VigilAudit", "SentinelHealth", "LAQueryLogs", "Watchlist", "HuntingBookmark");
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.kind()).isIn(TableKind.BUILT_IN, TableKind.STANDARD);
            assertThat(t.rowCount()).isZero();
        });
        assertThat(storage.logs().workspaces()).containsExactly("default");
        assertThat(storage.dataDirectory().resolve(DuckDbStorage.DATABASE_FILE)).exists();
    }

    @Test
    void testCurrentPrincipalAndDatabaseNameTheUserAndTheWorkspaceOfTheRequest() {
        String query = "print p = current_principal(), d = current_database(), m = current_principal_is_member_of('Alice')";

        QueryResult asAlice = storage.logs().query("default", QueryRequest.of(query).forPrincipal("alice"));
        QueryResult asVigil = storage.logs().query("default", QueryRequest.of(query));

        assertThat(asAlice.primary().rows()).containsExactly(List.of("alice", "default", true));
        assertThat(asVigil.primary().rows()).containsExactly(List.of("", "default", false));
    }

    @Test
    void testCurrentPrincipalDetailsCarryANameWithQuotesAndBackslashesIntact() {
        String name = "o\"neil\\ops\ttab";
        QueryRequest request = QueryRequest.of("print n = tostring(current_principal_details().DisplayName), t = tostring(current_principal_details().Type)")
                .forPrincipal(name);

        assertThat(storage.logs().query("default", request).primary().rows()).containsExactly(List.of(name, "Vigil user"));
    }

    @Test
    void testIngestedRowsAreCountedAndStoredWithTheirTypes() throws Exception {
        storage.logs().createCustomTable("default", new TableDefinition("Everything_CL", List.of(
                new ColumnSchema("B", KqlType.BOOL), new ColumnSchema("I", KqlType.INT), new ColumnSchema("L", KqlType.LONG),
                new ColumnSchema("R", KqlType.REAL), new ColumnSchema("D", KqlType.DECIMAL), new ColumnSchema("S", KqlType.STRING),
                new ColumnSchema("T", KqlType.DATETIME), new ColumnSchema("Span", KqlType.TIMESPAN),
                new ColumnSchema("G", KqlType.GUID), new ColumnSchema("Dyn", KqlType.DYNAMIC))));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("B", "true");
        row.put("I", 7);
        row.put("L", "9007199254740993");
        row.put("R", "NaN");
        row.put("D", "12.345678901234567891");
        row.put("S", 42);
        row.put("T", "2021-01-20T12:00:00.1234567+02:00");
        row.put("Span", "1.02:03:04.5");
        row.put("G", "9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f");
        row.put("Dyn", "{\"DeviceId\":\"d1\",\"n\":[1,2]}");

        IngestReceipt receipt = storage.logs().ingest("default", "Everything_CL", List.of(row, Map.of())).get(10, TimeUnit.SECONDS);

        assertThat(receipt).isEqualTo(new IngestReceipt("default", "Everything_CL", 2));
        List<ColumnSchema> columns = storage.logs().tables("default").stream().filter(t -> t.name().equals("Everything_CL"))
                .findFirst().orElseThrow().columns();
        List<List<Object>> stored = storage.sql("SELECT * FROM \"ws_default\".\"Everything_CL\" ORDER BY \"I\" NULLS LAST", columns);
        assertThat(stored.get(0)).containsExactly(
                stored.get(0).get(0), "2024-05-01T12:00:00Z", "Everything_CL",
                true, 7, 9007199254740993L, "NaN", new BigDecimal("12.345678901234567891"), "42",
                "2021-01-20T10:00:00.1234567Z", "1.02:03:04.5000000", "9a4c5b1e-0f6d-4c1a-8f3e-2b7d9c0e1a2f",
                "{\"DeviceId\":\"d1\",\"n\":[1,2]}");
        assertThat((String) stored.get(0).get(0)).matches("[0-9a-f-]{36}");
        assertThat(stored.get(1)).containsExactly(
                stored.get(0).get(0), "2024-05-01T12:00:00Z", "Everything_CL", null, null, null, null, null, "", null, null, null, null);
        assertThat(storage.logs().tables("default")).filteredOn(t -> t.name().equals("Everything_CL"))
                .extracting(TableInfo::rowCount).containsExactly(2L);
        assertThat(storage.logs().table("default", "Everything_CL").rowCount()).isEqualTo(2);
        assertThat(storage.meters().counter("vigil.ingest.rows", "workspace", "default", "table", "Everything_CL").count()).isEqualTo(2);
    }

    @Test
    void testARowLongerThanTwiceTheEnginesDefaultObjectSizeIsCommitted() throws Exception {
        // the spool writes a control character escaped, in six bytes: seven values at the limit make a 42 MiB line,
        // past the 32 MiB that DuckDB's JSON reader holds with its default maximum_object_size
        List<ColumnSchema> columns = new ArrayList<>();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= 7; i++) {
            columns.add(new ColumnSchema("V" + i, KqlType.STRING));
            row.put("V" + i, "\u0001".repeat(IngestionLimits.MAX_TEXT_CHARS));
        }
        storage.logs().createCustomTable("default", new TableDefinition("Wide_CL", columns));

        IngestReceipt receipt = storage.logs().ingest("default", "Wide_CL", List.of(row)).get(30, TimeUnit.SECONDS);

        assertThat(receipt.rowsCommitted()).isEqualTo(1);
        assertThat(storage.logs().query("default", QueryRequest.of("Wide_CL | project n = strlen(V1) + strlen(V7)")).primary().rows())
                .containsExactly(List.of(2L * IngestionLimits.MAX_TEXT_CHARS));
    }

    @Test
    void testARequestWithABadRowWritesNothing() {
        assertThatThrownBy(() -> storage.logs().ingest("default", "SecurityAlert", List.of(
                Map.of("AlertName", "fine"),
                Map.of("AlertName", "also fine", "ConfidenceScore", "high"))))
                .isInstanceOfSatisfying(RowsRejectedException.class, rejected ->
                        assertThat(rejected.errors()).singleElement().satisfies(error -> {
                            assertThat(error.row()).isEqualTo(1);
                            assertThat(error.column()).isEqualTo("ConfidenceScore");
                        }));

        assertThat(storage.logs().tables("default").get(0).rowCount()).isZero();
    }

    @Test
    void testUnknownWorkspaceAndTableAreNamed() {
        assertThatThrownBy(() -> storage.logs().ingest("nope", "SecurityAlert", List.of()))
                .isInstanceOf(WorkspaceNotFoundException.class).hasMessage("there is no workspace 'nope'");
        assertThatThrownBy(() -> storage.logs().ingest("default", "Nope_CL", List.of()))
                .isInstanceOf(TableNotFoundException.class).hasMessage("workspace 'default' has no table 'Nope_CL'");
        assertThatThrownBy(() -> storage.logs().tables("nope")).isInstanceOf(WorkspaceNotFoundException.class);
        assertThatThrownBy(() -> storage.logs().table("default", "Nope_CL"))
                .isInstanceOf(TableNotFoundException.class).hasMessage("workspace 'default' has no table 'Nope_CL'");
    }

    @Test
    void testManyConcurrentRequestsAreAllCommitted() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<IngestReceipt>> receipts = new ArrayList<>();
            for (int request = 0; request < 200; request++) {
                int number = request;
                receipts.add(CompletableFuture.supplyAsync(() -> storage.logs().ingest("default", "SecurityAlert", alerts(number, 25)), clients)
                        .thenCompose(receipt -> receipt));
            }
            CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            clients.shutdown();
        }

        assertThat(storage.logs().tables("default").get(0).rowCount()).isEqualTo(5_000);
        List<List<Object>> perRequest = storage.sql("SELECT count(DISTINCT \"VendorOriginalId\") AS n FROM \"ws_default\".\"SecurityAlert\"",
                List.of(new ColumnSchema("n", KqlType.LONG)));
        assertThat(perRequest.get(0).get(0)).isEqualTo(200L);
        assertThat(storage.meters().timer("vigil.ingest.commit").count()).isBetween(1L, 200L);
    }

    @Test
    void testIngestedRowsComeBackThroughKql() throws Exception {
        storage.logs().ingest("default", "SecurityAlert", List.of(
                alert("High", "2024-05-01T10:15:00Z"),
                alert("High", "2024-05-01T10:45:00Z"),
                alert("Low", "2024-05-01T11:05:00Z"),
                alert("High", "2024-04-20T11:05:00Z"))).get(10, TimeUnit.SECONDS);

        QueryResult result = storage.logs().query("default", new QueryRequest(
                "SecurityAlert | where ProductName == \"Azure Security Center for IoT\""
                        + " | summarize count() by bin(TimeGenerated, 1h), AlertSeverity | sort by TimeGenerated asc",
                Optional.of("P1D")));

        assertThat(result.primary().name()).isEqualTo("PrimaryResult");
        assertThat(result.primary().columns()).containsExactly(
                new ColumnSchema("TimeGenerated", KqlType.DATETIME),
                new ColumnSchema("AlertSeverity", KqlType.STRING),
                new ColumnSchema("count_", KqlType.LONG));
        assertThat(result.primary().rows()).containsExactly(
                List.of("2024-05-01T10:00:00Z", "High", 2L),
                List.of("2024-05-01T11:00:00Z", "Low", 1L));
        assertThat(storage.meters().timer("vigil.query").count()).isEqualTo(1);
    }

    @Test
    void testTimespanIntervalRestrictsTimeGenerated() throws Exception {
        storage.logs().ingest("default", "SecurityAlert", List.of(
                alert("High", "2024-05-01T10:15:00Z"),
                alert("Low", "2024-05-01T11:05:00Z"))).get(10, TimeUnit.SECONDS);

        QueryResult result = storage.logs().query("default", new QueryRequest(
                "SecurityAlert | project AlertSeverity, TimeGenerated, IsIncident, ConfidenceScore",
                Optional.of("2024-05-01T11:00:00Z/PT1H")));

        assertThat(result.primary().rows()).containsExactly(List.of("Low", "2024-05-01T11:05:00Z", false, 0.5));
    }

    @Test
    void testQueryErrorsCarryDiagnosticsWithPositions() {
        assertThatThrownBy(() -> storage.logs().query("default", QueryRequest.of("SecurityAlert\n| where NoSuchColumn == 1")))
                .isInstanceOfSatisfying(KqlQueryException.class, e -> {
                    assertThat(e.code()).isEqualTo("BadArgumentError");
                    assertThat(e.diagnostics()).isNotEmpty();
                    assertThat(e.diagnostics().get(0).line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith("line 2:");
                });
    }

    @Test
    void testRuntimeErrorsBecomeQueryExecutionFailures() {
        // A hand-written statement that fails while running, as a bad conversion would.
        assertThatThrownBy(() -> storage.sql("SELECT CAST('abc' AS INTEGER) AS n", List.of(new ColumnSchema("n", KqlType.INT))))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageStartingWith("the query failed while running: Conversion Error");
    }

    @Test
    void testAQueryThatFailsWhileTheEngineRunsItSaysWhy() {
        // the overflow happens as the rows are computed, not when the statement is prepared
        assertThatThrownBy(() -> storage.logs().query("default", QueryRequest.of("range x from 1 to 3 step 1 | extend y = x * 9223372036854775807")))
                .isInstanceOf(QueryExecutionException.class)
                .hasMessageStartingWith("the query failed while running: Out of Range Error: Overflow in multiplication of INT64");
    }

    static List<Map<String, Object>> alerts(int request, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("AlertName", "Alert " + i, "VendorOriginalId", "request-" + request, "AlertSeverity", "Medium"));
        }
        return rows;
    }

    private static Map<String, Object> alert(String severity, String time) {
        return Map.of("AlertSeverity", severity, "TimeGenerated", time, "ProductName", "Azure Security Center for IoT",
                "IsIncident", false, "ConfidenceScore", 0.5);
    }
}
