package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.QueryLimits;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Storage over a test's data directory with small, quick batches (100 rows or 5 ms) and the system clock. */
final class SmallStorage {
    private SmallStorage() {
    }

    static DuckDbStorage open(Path data) {
        return open(data, QueryLimits.defaults());
    }

    /** The same, with these query limits. */
    static DuckDbStorage open(Path data, QueryLimits limits) {
        return DuckDbStorage.open(new StorageSettings(data, 100, Duration.ofMillis(5), 10_000, limits), new SimpleMeterRegistry(), Clock.systemUTC());
    }
}
