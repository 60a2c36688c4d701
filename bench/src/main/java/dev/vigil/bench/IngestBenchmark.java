package dev.vigil.bench;

import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Param({"50000"})
    public int batchMaxRows;

    private Path dataDirectory;
    private Storage storage;
    private LogStore logStore;
    private List<List<Map<String, Object>>> requests;
    private final AtomicInteger nextRequest = new AtomicInteger();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDirectory = Files.createTempDirectory("vigil-ingest-bench");
        StorageSettings settings = StorageSettings.defaults(dataDirectory);
        storage = DuckDbStorage.open(
                new StorageSettings(dataDirectory, batchMaxRows, settings.batchMaxDelay(), Math.max(settings.queueMaxRows(), batchMaxRows * 4)),
                new SimpleMeterRegistry());
        logStore = storage.logStore();
        logStore.createWorkspace(BenchWorkspace.ID);
        BenchWorkspace.keepForever(logStore);
        SecurityAlertRows generator = new SecurityAlertRows(42);
        requests = java.util.stream.IntStream.range(0, DISTINCT_REQUESTS).mapToObj(i -> generator.next(REQUEST_ROWS)).toList();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        storage.close();
        BenchWorkspace.deleteRecursively(dataDirectory);
    }

    @Benchmark
    @OperationsPerInvocation(REQUEST_ROWS)
    public IngestReceipt ingestSecurityAlertRows() {
        List<Map<String, Object>> rows = requests.get(Math.floorMod(nextRequest.getAndIncrement(), DISTINCT_REQUESTS));
        return logStore.ingest(BenchWorkspace.ID, "SecurityAlert", rows).join();
    }
}
