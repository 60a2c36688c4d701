package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child process of {@link TestDurability}: ingests requests of 100 rows one after another and
 * prints {@code ACK <n>} once request n is acknowledged, until it is killed.
 */
final class IngestUntilKilled {
    private IngestUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        Storage storage = DuckDbStorage.open(new StorageSettings(Path.of(args[0]), 1_000, Duration.ofMillis(2), 100_000),
                new SimpleMeterRegistry());
        LogStore logs = storage.logStore();
        logs.createWorkspace("default");
        for (int request = 0; ; request++) {
            logs.ingest("default", "SecurityAlert", TestDuckDbLogStore.alerts(request, 100)).get();
            System.out.println("ACK " + request);
            System.out.flush();
        }
    }
}
