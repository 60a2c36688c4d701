package dev.vigil.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.sql.DuckDbTypes;
import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.catalog.BuiltInTables;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable ingestion throughput: several clients each send {@value #REQUEST_ROWS}-row requests
 * and wait for their commit, as HTTP clients of the ingestion API do. The score is rows/s.
 *
 * <ul>
 *   <li>{@code ingestSecurityAlertRows}: rows already decoded (as Vigil's own writers hand them over).</li>
 *   <li>{@code ingestNdjsonRequests}: each request's NDJSON body decoded row by row first, as the
 *       ingestion API does, then ingested.</li>
 *   <li>{@code ingestNdjsonBodies}: the same bodies handed over as they are ({@code LogStore.ingestNdjson}):
 *       validated on a streaming parse, and spooled as their own bytes with the values validation changes.</li>
 *   <li>{@code duckDbReadJson}: the baseline, DuckDB's own bulk insert of the same rows: one
 *       {@code INSERT ... FROM read_json} of {@value #BASELINE_ROWS} of them as NDJSON (the same
 *       bodies) into a file-backed table of {@code SecurityAlert}'s columns and types, in a
 *       database of its own, one statement at a time.</li>
 * </ul>
 * JMH runs the three one after another in one run, so their ratio is measured side by side.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(4)
public class IngestBenchmark {
    static final int REQUEST_ROWS = 5_000;
    private static final int DISTINCT_REQUESTS = 32;
    static final int BASELINE_ROWS = 50_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    @Param({"50000"})
    public int batchMaxRows;

    /** How long a bulk batch waits for more requests after its first; the default settings' 20 ms unless given. */
    @Param({"20"})
    public int batchMaxDelayMillis;

    private Path dataDirectory;
    private Storage storage;
    private LogStore logStore;
    private List<List<Map<String, Object>>> requests;
    private List<byte[]> bodies;
    private Connection baseline;
    private String baselineInsert;
    private final AtomicInteger nextRequest = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDirectory = Files.createTempDirectory("vigil-ingest-bench");
        StorageSettings settings = StorageSettings.defaults(dataDirectory);
        storage = DuckDbStorage.open(
                new StorageSettings(dataDirectory, batchMaxRows, Duration.ofMillis(batchMaxDelayMillis), Math.max(settings.queueMaxRows(), batchMaxRows * 4)),
                new SimpleMeterRegistry());
        logStore = storage.logStore();
        logStore.createWorkspace(BenchWorkspace.ID);
        BenchWorkspace.keepForever(logStore);
        SecurityAlertRows generator = new SecurityAlertRows(42);
        requests = java.util.stream.IntStream.range(0, DISTINCT_REQUESTS).mapToObj(i -> generator.next(REQUEST_ROWS)).toList();
        bodies = new ArrayList<>();
        for (List<Map<String, Object>> request : requests) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writeNdjson(request, body);
            bodies.add(body.toByteArray());
        }
        openBaseline();
    }

    private static void writeNdjson(List<Map<String, Object>> rows, OutputStream out) throws IOException {
        for (Map<String, Object> row : rows) {
            out.write(JSON.writeValueAsBytes(row));
            out.write('\n');
        }
    }

    /** The baseline's own database, table and NDJSON file of {@value #BASELINE_ROWS} rows (the first requests' bodies). */
    private void openBaseline() throws IOException {
        Path file = dataDirectory.resolve("baseline.ndjson");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < BASELINE_ROWS / REQUEST_ROWS; i++) {
                out.write(bodies.get(i));
            }
        }
        List<ColumnSchema> columns = BuiltInTables.SECURITY_ALERT.columns();
        String definitions = columns.stream().map(c -> "\"" + c.name() + "\" " + DuckDbTypes.sqlType(c.type())).collect(Collectors.joining(", "));
        String types = columns.stream().map(c -> "'" + c.name() + "': '" + DuckDbTypes.sqlType(c.type()) + "'").collect(Collectors.joining(", "));
        baselineInsert = "INSERT INTO baseline SELECT * FROM read_json('" + file.toAbsolutePath()
                + "', format = 'newline_delimited', records = true, columns = {" + types + "})";
        try {
            baseline = DriverManager.getConnection("jdbc:duckdb:" + dataDirectory.resolve("baseline.duckdb").toAbsolutePath());
            try (Statement statement = baseline.createStatement()) {
                statement.execute("CREATE TABLE baseline (" + definitions + ")");
            }
        } catch (SQLException e) {
            throw new IOException("could not make the baseline's database: " + e.getMessage(), e);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        baseline.close();
        storage.close();
        BenchWorkspace.deleteRecursively(dataDirectory);
    }

    @Benchmark
    @OperationsPerInvocation(REQUEST_ROWS)
    public IngestReceipt ingestSecurityAlertRows() {
        List<Map<String, Object>> rows = requests.get(Math.floorMod(nextRequest.getAndIncrement(), DISTINCT_REQUESTS));
        return logStore.ingest(BenchWorkspace.ID, "SecurityAlert", rows).join();
    }

    @Benchmark
    @OperationsPerInvocation(REQUEST_ROWS)
    public IngestReceipt ingestNdjsonRequests() throws IOException {
        byte[] body = bodies.get(Math.floorMod(nextRequest.getAndIncrement(), DISTINCT_REQUESTS));
        List<Map<String, Object>> rows = new ArrayList<>(REQUEST_ROWS);
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                rows.add(JSON.readValue(parser, ROW));
            }
        }
        return logStore.ingest(BenchWorkspace.ID, "SecurityAlert", rows).join();
    }

    @Benchmark
    @OperationsPerInvocation(REQUEST_ROWS)
    public IngestReceipt ingestNdjsonBodies() {
        byte[] body = bodies.get(Math.floorMod(nextRequest.getAndIncrement(), DISTINCT_REQUESTS));
        return logStore.ingestNdjson(BenchWorkspace.ID, "SecurityAlert", body).join();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BASELINE_ROWS)
    public int duckDbReadJson() throws SQLException {
        try (Statement statement = baseline.createStatement()) {
            return statement.executeUpdate(baselineInsert);
        }
    }
}
