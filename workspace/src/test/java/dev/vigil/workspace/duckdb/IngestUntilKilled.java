package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.CheckpointPolicy;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StorageSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The child process of {@link TestDurability}: ingests requests of {@code <rows>} rows one after
 * another and prints {@code ACK <n>} once request n is acknowledged, until it is killed.
 *
 * <p>Arguments: {@code <data directory> <rows per request> [<checkpoint after n acknowledgements>]}.
 * With the third, checkpoints are held back until request n is acknowledged; then a thread of its
 * own prints {@code CHECKPOINT} and checkpoints as Vigil's checkpointer does, while requests go on.
 */
final class IngestUntilKilled {
    private IngestUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[1]);
        int checkpointAfter = args.length > 2 ? Integer.parseInt(args[2]) : -1;
        StorageSettings settings = new StorageSettings(Path.of(args[0]), 1_000, Duration.ofMillis(2), 100_000);
        if (checkpointAfter >= 0) {
            settings = settings.withCheckpoints(new CheckpointPolicy(1L << 30, 1L << 29));
        }
        DuckDbStorage storage = DuckDbStorage.open(settings, new SimpleMeterRegistry(), Clock.systemUTC());
        LogStore logs = storage.logStore();
        logs.createWorkspace("default");
        for (int request = 0; ; request++) {
            logs.ingest("default", "SecurityAlert", TestDuckDbLogStore.alerts(request, rows)).get();
            System.out.println("ACK " + request);
            System.out.flush();
            if (request == checkpointAfter) {
                Thread checkpoint = new Thread(() -> {
                    System.out.println("CHECKPOINT");
                    System.out.flush();
                    storage.checkpointer().checkpoint();
                    System.out.println("CHECKPOINTED");
                    System.out.flush();
                }, "checkpoint");
                checkpoint.start();
            }
        }
    }
}
