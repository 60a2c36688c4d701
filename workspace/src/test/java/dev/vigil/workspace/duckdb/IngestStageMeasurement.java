package dev.vigil.workspace.duckdb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.ingest.BodyRowValidator;
import dev.vigil.workspace.ingest.BodyRows;
import dev.vigil.workspace.ingest.IngestTarget;
import dev.vigil.workspace.ingest.PendingRows;
import dev.vigil.workspace.ingest.PreparedRows;
import dev.vigil.workspace.ingest.RowValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Where a row's time goes on the ingestion path, stage by stage, on the same {@code SecurityAlert}
 * rows as {@code IngestBenchmark} sends (about 700 bytes of NDJSON, 12 fields, one of them
 * {@code dynamic}): decoding the body into maps as the ingestion API does, validation, writing the
 * spool lines, and the commit (spool file, {@code read_json}, ledger, commit); beside them a
 * streaming walk of the same body that builds no maps, and DuckDB's own {@code read_json} of the
 * request bodies into a table of the same types; then the body path ({@code LogStore.ingestNdjson}):
 * streaming validation, spool lines made from the body's bytes, and their commit. Each stage runs alone on one thread, in rounds,
 * so the figures are per row of CPU time; the DuckDB stages count the whole process's CPU time,
 * since the engine works on threads of its own. A measurement, not a check: {@code mvn -B -o -pl
 * workspace -am test -Dtest=IngestStageMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvigil.measure=true}. Figures in docs/benchmarks.md (issue 16).
 */
@EnabledIfSystemProperty(named = "vigil.measure", matches = "true")
class IngestStageMeasurement {
    private static final int REQUEST_ROWS = 5_000;
    private static final int REQUESTS = 10;
    private static final int ROUNDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One stage's totals over the rounds after the first (a warm-up). */
    private static final class Totals {
        long threadCpu;
        long processCpu;
        long wall;
        long rows;

        void print(String stage) {
            System.out.printf("%-28s thread CPU %6.2f µs/row   process CPU %6.2f µs/row   wall %6.2f µs/row%n",
                    stage, threadCpu / 1e3 / rows, processCpu / 1e3 / rows, wall / 1e3 / rows);
        }
    }

    @FunctionalInterface
    private interface Stage {
        void run() throws Exception;
    }

    @Test
    void measureIngestionStages() throws Exception {
        List<byte[]> bodies = bodies();
        Path directory = Files.createTempDirectory("vigil-stages");
        try (DuckDBConnection database = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + directory.resolve(DuckDbStorage.DATABASE_FILE));
             DuckDBConnection baseline = (DuckDBConnection) DriverManager.getConnection(
                     "jdbc:duckdb:" + directory.resolve("baseline.duckdb"))) {
            ControlSchema.create(database);
            Workspaces workspaces = Workspaces.load(database.duplicate(), Clock.systemUTC());
            workspaces.create("measure");
            NdjsonBatchWriter writer = new NdjsonBatchWriter(database.duplicate(), directory.resolve("spool"), workspaces,
                    IngestionLedger.load(database.duplicate()), Clock.systemUTC());
            IngestTarget target = new IngestTarget("measure", BuiltInTables.SECURITY_ALERT);
            RowValidator validator = new RowValidator(BuiltInTables.SECURITY_ALERT, "00000000-0000-0000-0000-000000000001");
            BodyRowValidator bodyValidator = new BodyRowValidator(BuiltInTables.SECURITY_ALERT, "00000000-0000-0000-0000-000000000001");
            String baselineInsert = baselineTable(baseline, directory, bodies);

            Map<String, Totals> totals = new LinkedHashMap<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<List<Map<String, Object>>> decoded = new ArrayList<>();
                List<List<Object[]>> validated = new ArrayList<>();
                List<PendingRows> batch = new ArrayList<>();
                boolean warm = round > 0;
                time("decode into maps", warm, totals, () -> {
                    for (byte[] body : bodies) {
                        decoded.add(decode(body));
                    }
                });
                time("streaming walk, no maps", warm, totals, () -> {
                    for (byte[] body : bodies) {
                        walk(body);
                    }
                });
                time("validate", warm, totals, () -> {
                    for (List<Map<String, Object>> rows : decoded) {
                        validated.add(validator.validate(rows, Instant.now()));
                    }
                });
                time("write spool lines", warm, totals, () -> {
                    for (List<Object[]> rows : validated) {
                        Optional<PreparedRows> prepared = writer.prepare(target, rows);
                        batch.add(new PendingRows(target, rows, Optional.empty(), new CompletableFuture<IngestReceipt>(), 0, prepared));
                    }
                });
                List<BodyRows> streamed = new ArrayList<>();
                List<PendingRows> bodyBatch = new ArrayList<>();
                time("body: streaming validation", warm, totals, () -> {
                    for (byte[] body : bodies) {
                        streamed.add(bodyValidator.validate(body, Instant.now()).orElseThrow());
                    }
                });
                time("body: spool lines from bytes", warm, totals, () -> {
                    for (int i = 0; i < streamed.size(); i++) {
                        Optional<PreparedRows> prepared = writer.prepare(target, streamed.get(i));
                        bodyBatch.add(new PendingRows(target, validated.get(i), Optional.empty(), new CompletableFuture<IngestReceipt>(), 0,
                                Optional.of(prepared.orElseThrow())));
                    }
                });
                // the two commits take turns at going first, so that neither always meets the other's checkpoint
                if (round % 2 == 0) {
                    time("commit (read_json, ledger)", warm, totals, () -> writer.commit(batch));
                    time("body: commit", warm, totals, () -> writer.commit(bodyBatch));
                } else {
                    time("body: commit", warm, totals, () -> writer.commit(bodyBatch));
                    time("commit (read_json, ledger)", warm, totals, () -> writer.commit(batch));
                }
                time("DuckDB read_json alone", warm, totals, () -> {
                    try (Statement statement = baseline.createStatement()) {
                        statement.executeUpdate(baselineInsert);
                    }
                });
            }
            totals.forEach((stage, total) -> total.print(stage));
        } finally {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void time(String stage, boolean counted, Map<String, Totals> totals, Stage work) throws Exception {
        long thread = THREADS.getCurrentThreadCpuTime();
        long process = PROCESS.getProcessCpuTime();
        long wall = System.nanoTime();
        work.run();
        if (counted) {
            Totals total = totals.computeIfAbsent(stage, s -> new Totals());
            total.threadCpu += THREADS.getCurrentThreadCpuTime() - thread;
            total.processCpu += PROCESS.getProcessCpuTime() - process;
            total.wall += System.nanoTime() - wall;
            total.rows += (long) REQUEST_ROWS * REQUESTS;
        }
    }

    private static List<Map<String, Object>> decode(byte[] body) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>(REQUEST_ROWS);
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                rows.add(JSON.readValue(parser, ROW));
            }
        }
        return rows;
    }

    /** Reads every token and the text of every scalar, as a validating streaming parse must at least. */
    private static long walk(byte[] body) throws IOException {
        long chars = 0;
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue() || token == JsonToken.FIELD_NAME) {
                    chars += parser.getTextLength();
                }
            }
        }
        return chars;
    }

    private static String baselineTable(DuckDBConnection baseline, Path directory, List<byte[]> bodies) throws Exception {
        Path file = directory.resolve("baseline.ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] body : bodies) {
                out.write(body);
            }
        }
        List<ColumnSchema> columns = BuiltInTables.SECURITY_ALERT.columns();
        String definitions = columns.stream().map(c -> "\"" + c.name() + "\" " + DuckDbTypes.sqlType(c.type())).collect(Collectors.joining(", "));
        String types = columns.stream().map(c -> "'" + c.name() + "': '" + DuckDbTypes.sqlType(c.type()) + "'").collect(Collectors.joining(", "));
        try (Statement statement = baseline.createStatement()) {
            statement.execute("CREATE TABLE baseline (" + definitions + ")");
        }
        return "INSERT INTO baseline SELECT * FROM read_json('" + file.toAbsolutePath()
                + "', format = 'newline_delimited', records = true, columns = {" + types + "})";
    }

    /** Request bodies shaped as IngestBenchmark's (its SecurityAlertRows lives in the bench module). */
    private static List<byte[]> bodies() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        String[] severities = {"Informational", "Low", "Medium", "High"};
        String[] alerts = {"Brute force attack succeeded", "Successful local login on device", "Crypto Coin Miner", "Reverse shells"};
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        List<byte[]> bodies = new ArrayList<>();
        long n = 0;
        for (int r = 0; r < REQUESTS; r++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = 0; i < REQUEST_ROWS; i++) {
                String alert = alerts[random.nextInt(alerts.length)];
                String device = "device-" + random.nextInt(5_000);
                String generated = end.minusSeconds(random.nextLong(30L * 86_400)).toString();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("TimeGenerated", generated);
                row.put("ProductName", random.nextInt(10) != 0 ? "Azure Security Center for IoT" : "Azure Security Center");
                row.put("AlertName", alert);
                row.put("DisplayName", alert);
                row.put("AlertSeverity", severities[random.nextInt(severities.length)]);
                row.put("Status", "New");
                row.put("SystemAlertId", "alert-" + n++);
                row.put("CompromisedEntity", device);
                row.put("ResourceId", "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/plant/providers/Microsoft.Devices/IotHubs/hub-"
                        + random.nextInt(4));
                row.put("ExtendedProperties", Map.of("DeviceId", device, "Full Source Address", "[\"10.0.0." + random.nextInt(255) + ":\"]"));
                row.put("StartTime", generated);
                row.put("EndTime", generated);
                body.write(JSON.writeValueAsBytes(row));
                body.write('\n');
            }
            bodies.add(body.toByteArray());
        }
        return bodies;
    }
}
