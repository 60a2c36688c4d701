package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.ingest.BatchWriter;
import dev.vigil.workspace.ingest.IngestTarget;
import dev.vigil.workspace.ingest.PendingRows;
import dev.vigil.workspace.ingest.RowValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures the two insert paths on a file-backed database: {@code read_json} over spooled NDJSON
 * ({@link NdjsonBatchWriter}) and the JDBC appender ({@link AppenderBatchWriter}). A measurement,
 * not a check, so it runs only when asked: {@code mvn -B -pl workspace -am test
 * -Dtest=IngestPathMeasurement -Dsurefire.failIfNoSpecifiedTests=false -Dvigil.measure=true}.
 *
 * <p>Measured on the 2-core build machine (DuckDB JDBC 2.0.0.1, SecurityAlert rows with 17
 * populated columns, 50,000-row commits, 10 commits per path after one warm-up commit): see the
 * figures in {@link NdjsonBatchWriter}.
 */
@EnabledIfSystemProperty(named = "vigil.measure", matches = "true")
class IngestPathMeasurement {
    private static final int ROWS_PER_COMMIT = 50_000;
    private static final int COMMITS = 20;

    @Test
    void measureBothInsertPaths() throws Exception {
        List<Object[]> rows = sampleRows();
        for (String path : List.of("read_json", "appender", "read_json", "appender")) {
            Path directory = Files.createTempDirectory("vigil-measure");
            try (DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection(
                    "jdbc:duckdb:" + directory.resolve(DuckDbStorage.DATABASE_FILE))) {
                ControlSchema.create(database);
                Workspaces workspaces = Workspaces.load(database.duplicate(), Clock.systemUTC());
                workspaces.create("measure");
                DuckDBConnection writerConnection = database.duplicate();
                BatchWriter writer = path.equals("read_json")
                        ? new NdjsonBatchWriter(writerConnection, directory.resolve("spool"), workspaces,
                                IngestionLedger.load(database.duplicate()), Clock.systemUTC())
                        : new AppenderBatchWriter(writerConnection, workspaces);
                IngestTarget target = new IngestTarget("measure", BuiltInTables.SECURITY_ALERT);
                List<PendingRows> batch = List.of(new PendingRows(target, rows, Optional.empty(), new CompletableFuture<IngestReceipt>(), 0));
                writer.commit(batch);
                long start = System.nanoTime();
                for (int i = 0; i < COMMITS; i++) {
                    writer.commit(batch);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%-10s %,.0f rows/s (%d commits of %,d rows in %.2f s)%n",
                        path, COMMITS * ROWS_PER_COMMIT / seconds, COMMITS, ROWS_PER_COMMIT, seconds);
            }
        }
    }

    private static List<Object[]> sampleRows() {
        List<Map<String, Object>> raw = new ArrayList<>();
        Instant base = Instant.parse("2024-05-01T00:00:00Z");
        String[] severities = {"High", "Medium", "Low", "Informational"};
        for (int i = 0; i < ROWS_PER_COMMIT; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("TimeGenerated", base.plusSeconds(i).toString());
            row.put("AlertName", "Brute force attack succeeded");
            row.put("DisplayName", "Brute force attack succeeded");
            row.put("AlertSeverity", severities[i % severities.length]);
            row.put("Description", "A Brute force attack on the device was Successful");
            row.put("ProviderName", "IoTSecurity");
            row.put("VendorName", "Microsoft");
            row.put("SystemAlertId", "alert-" + i);
            row.put("ResourceId", "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/hub-" + (i % 10));
            row.put("ProductName", "Azure Security Center for IoT");
            row.put("ConfidenceScore", 0.5 + (i % 50) / 100.0);
            row.put("IsIncident", false);
            row.put("StartTime", base.plusSeconds(i - 60).toString());
            row.put("EndTime", base.plusSeconds(i).toString());
            row.put("ExtendedProperties", "{\"DeviceId\":\"device-" + (i % 1000) + "\",\"User Name\":\"attacker\"}");
            row.put("Status", "New");
            row.put("CompromisedEntity", "device-" + (i % 1000));
            raw.add(row);
        }
        return new RowValidator(BuiltInTables.SECURITY_ALERT, "00000000-0000-0000-0000-000000000001").validate(raw, base);
    }
}
