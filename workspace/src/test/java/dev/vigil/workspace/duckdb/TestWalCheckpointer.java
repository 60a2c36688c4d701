package dev.vigil.workspace.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.workspace.api.CheckpointPolicy;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestWalCheckpointer {
    private static final long THRESHOLD = 1L << 20;

    @TempDir
    Path data;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void testCheckpointsOnceTheLogPassesItsThresholdAndShowsItOnTheMeters() throws Exception {
        StorageSettings settings = new StorageSettings(data, 1_000, Duration.ofMillis(2), 100_000)
                .withCheckpoints(CheckpointPolicy.scheduled(THRESHOLD));
        try (DuckDbStorage storage = DuckDbStorage.open(settings, meters, Clock.systemUTC())) {
            storage.logStore().createWorkspace("default");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int requests = 0;
            // the checkpointer looks every 100 ms; ingestion goes on until it has checkpointed
            while (checkpoints() == 0 && System.nanoTime() < deadline) {
                storage.logStore().ingest("default", "SecurityAlert", TestDuckDbLogStore.alerts(requests++, 1_000)).get(10, TimeUnit.SECONDS);
            }

            assertThat(checkpoints()).as("checkpoints after %d requests", requests).isPositive();
            assertThat(meters.get("vigil.storage.checkpoint").timer().totalTime(TimeUnit.NANOSECONDS)).isPositive();
            assertThat(storage.checkpointer().checkpoint()).isTrue();
            assertThat(meters.get("vigil.storage.wal").gauge().value()).as("the log right after a checkpoint").isLessThan(THRESHOLD);
            long rows = storage.logStore().table("default", "SecurityAlert").rowCount();
            assertThat(rows).isEqualTo(requests * 1_000L);
        }
    }

    @Test
    void testLeavesCheckpointsToTheEngineWhenToldTo() throws Exception {
        StorageSettings settings = new StorageSettings(data, 1_000, Duration.ofMillis(2), 100_000)
                .withCheckpoints(CheckpointPolicy.inCommits());
        try (DuckDbStorage storage = DuckDbStorage.open(settings, meters, Clock.systemUTC())) {
            storage.logStore().createWorkspace("default");
            for (int request = 0; request < 20; request++) {
                storage.logStore().ingest("default", "SecurityAlert", TestDuckDbLogStore.alerts(request, 1_000)).get(10, TimeUnit.SECONDS);
            }
            assertThat(checkpoints()).isZero();
            assertThat(storage.logStore().table("default", "SecurityAlert").rowCount()).isEqualTo(20_000);
        }
    }

    private long checkpoints() {
        return meters.get("vigil.storage.checkpoint").timer().count();
    }
}
