package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Storage over a test's data directory with small, quick batches (100 rows or 5 ms), the system
 * clock and the default query limits unless told otherwise.
 *
 * <p>A test that opens and closes storage itself calls {@link #open(Path)}. A test class whose
 * tests each want storage of their own registers one as a JUnit extension; before each test JUnit
 * then makes a data directory, opens storage on it and creates the workspaces asked for, and after
 * it closes the storage and deletes the directory:
 * <pre>{@code
 * @RegisterExtension
 * final SmallStorage storage = SmallStorage.perTest().withClock(clock).withWorkspace("default");
 * }</pre>
 */
final class SmallStorage implements BeforeEachCallback, AfterEachCallback {
    private final Clock clock;
    private final List<String> workspaces;
    private Path dataDirectory;
    private SimpleMeterRegistry meters;
    private DuckDbStorage storage;

    private SmallStorage(Clock clock, List<String> workspaces) {
        this.clock = clock;
        this.workspaces = List.copyOf(workspaces);
    }

    static DuckDbStorage open(Path data) {
        return open(data, QueryLimits.defaults());
    }

    /** The same, with these query limits. */
    static DuckDbStorage open(Path data, QueryLimits limits) {
        return open(data, limits, new SimpleMeterRegistry(), Clock.systemUTC());
    }

    private static DuckDbStorage open(Path data, QueryLimits limits, SimpleMeterRegistry meters, Clock clock) {
        return DuckDbStorage.open(new StorageSettings(data, 100, Duration.ofMillis(5), 10_000, limits), meters, clock);
    }

    /** Storage of its own for every test, for an instance field with {@code @RegisterExtension}. */
    static SmallStorage perTest() {
        return new SmallStorage(Clock.systemUTC(), List.of());
    }

    /** The same, on a clock the test controls. */
    SmallStorage withClock(Clock testClock) {
        return new SmallStorage(testClock, workspaces);
    }

    /** The same, with this workspace created before each test. */
    SmallStorage withWorkspace(String id) {
        List<String> more = new ArrayList<>(workspaces);
        more.add(id);
        return new SmallStorage(clock, more);
    }

    DuckDbStorage storage() {
        if (storage == null) {
            throw new IllegalStateException("the storage is closed, or not yet opened by JUnit");
        }
        return storage;
    }

    LogStore logs() {
        return storage().logStore();
    }

    /** {@link DuckDbStorage#sql}, for tests that look at what is stored. */
    List<List<Object>> sql(String sql, List<ColumnSchema> columns) {
        return storage().sql(sql, columns);
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** The meters of the storage as last opened. */
    SimpleMeterRegistry meters() {
        return meters;
    }

    /** Closes the storage, if open, and opens it again over the same data directory. */
    void reopen() {
        close();
        meters = new SimpleMeterRegistry();
        storage = open(dataDirectory, QueryLimits.defaults(), meters, clock);
    }

    /** Closes the storage and keeps its data directory, e.g. to change its files; {@link #reopen()} opens it again. */
    void close() {
        DuckDbStorage open = storage;
        storage = null;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDirectory = Files.createTempDirectory("vigil-storage-test-");
        reopen();
        workspaces.forEach(id -> storage.logStore().createWorkspace(id));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
