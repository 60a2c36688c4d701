package dev.vigil.bench;

import dev.vigil.workspace.api.IngestReceipt;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.api.TableRetention;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A data directory holding N generated {@code SecurityAlert} rows, loaded once through the real
 * ingestion path and kept under {@code bench/target/} so that later forks and runs reuse it.
 */
final class BenchWorkspace implements AutoCloseable {
    static final String ID = "default";
    private static final int LOAD_REQUEST_ROWS = 25_000;
    private static final int LOAD_REQUESTS_IN_FLIGHT = 8;

    private final Path dataDirectory;
    private final Storage storage;

    private BenchWorkspace(Path dataDirectory, Storage storage) {
        this.dataDirectory = dataDirectory;
        this.storage = storage;
    }

    static BenchWorkspace securityAlerts(int rows) throws IOException {
        Path directory = Path.of(System.getProperty("vigil.bench.data", "target/bench-data")).toAbsolutePath().resolve("security-alert-" + rows);
        Path marker = directory.resolve("loaded");
        if (!Files.exists(marker)) {
            deleteRecursively(directory);
        }
        Files.createDirectories(directory);
        Storage storage = DuckDbStorage.open(StorageSettings.defaults(directory), new SimpleMeterRegistry());
        BenchWorkspace workspace = new BenchWorkspace(directory, storage);
        if (!Files.exists(marker)) {
            workspace.load(rows);
            Files.writeString(marker, Integer.toString(rows));
        }
        keepForever(storage.logStore());
        return workspace;
    }

    /**
     * The generated rows are dated before {@link SecurityAlertRows#END}, which falls behind the
     * default retention as time passes: the longest retention keeps the retention purge from
     * deleting them in the middle of a run.
     */
    static void keepForever(LogStore logStore) {
        logStore.setRetentionInDays(ID, TableRetention.MAX_DAYS);
    }

    /** A store of its own with one empty workspace, made afresh each time, for queries that make their own rows. */
    static BenchWorkspace empty(String name) throws IOException {
        Path directory = Path.of(System.getProperty("vigil.bench.data", "target/bench-data")).toAbsolutePath().resolve(name);
        deleteRecursively(directory);
        Files.createDirectories(directory);
        Storage storage = DuckDbStorage.open(StorageSettings.defaults(directory), new SimpleMeterRegistry());
        storage.logStore().createWorkspace(ID);
        return new BenchWorkspace(directory, storage);
    }

    private void load(int rows) {
        LogStore logStore = storage.logStore();
        logStore.createWorkspace(ID);
        SecurityAlertRows generator = new SecurityAlertRows(7);
        Deque<CompletableFuture<IngestReceipt>> inFlight = new ArrayDeque<>();
        long started = System.nanoTime();
        for (int loaded = 0; loaded < rows; loaded += LOAD_REQUEST_ROWS) {
            if (inFlight.size() == LOAD_REQUESTS_IN_FLIGHT) {
                inFlight.removeFirst().join();
            }
            inFlight.addLast(logStore.ingest(ID, "SecurityAlert", generator.next(Math.min(LOAD_REQUEST_ROWS, rows - loaded))));
            if ((loaded / LOAD_REQUEST_ROWS) % 40 == 0) {
                System.err.printf("loading %,d SecurityAlert rows: %,d queued%n", rows, loaded);
            }
        }
        inFlight.forEach(CompletableFuture::join);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("loaded %,d rows in %.1f s (%,.0f rows/s)%n", rows, seconds, rows / seconds);
    }

    LogStore logStore() {
        return storage.logStore();
    }

    StateStore stateStore() {
        return storage.stateStore();
    }

    /**
     * A plain JDBC connection to the same database, for the hand-written baseline; DuckDB shares
     * one database instance per file within a process, so both see the same data.
     */
    Connection rawConnection() throws SQLException {
        return rawConnection(false);
    }

    /** As above; a streaming one hands out rows as the engine makes them, as the query API's connections do. */
    Connection rawConnection(boolean streaming) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dataDirectory.resolve("vigil.duckdb"));
        if (streaming) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET jdbc_stream_results = true");
            }
        }
        return connection;
    }

    String securityAlertRelation() {
        return "\"ws_" + ID + "\".\"SecurityAlert\"";
    }

    @Override
    public void close() {
        storage.close();
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
