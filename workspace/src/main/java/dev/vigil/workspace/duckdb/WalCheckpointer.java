package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.CheckpointPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the write-ahead log on a connection of its own, off the commit path: every
 * {@link #LOOK_INTERVAL} it looks at the log's size and checkpoints once it has grown past the
 * policy's threshold. Ingestion commits only append to tables without an index, so the engine
 * does not refuse the checkpoint for "other write transactions active", as it did against the
 * ledger's upserts. Commits still wait while it runs on DuckDB 2.0.0.1 (measured), as they did
 * when the engine checkpointed inside the commit that crossed its threshold; DuckDB's newer
 * releases let appending commits go on beside a checkpoint, and this is the shape they need.
 *
 * <p>After each checkpoint it folds the ingestion ledger's appended records into its keyed tables
 * ({@link IngestionLedger#fold}), and at least every {@link #FOLD_INTERVAL} while its checkpoints
 * fail. When checkpoints are left to the engine it only folds, every {@link #FOLD_INTERVAL}.
 *
 * <p>Publishes {@code vigil_storage_checkpoint_seconds} (count and time of its checkpoints),
 * {@code vigil_storage_checkpoint_failed_total} and {@code vigil_storage_wal_bytes}.
 */
final class WalCheckpointer implements AutoCloseable {
    static final Duration LOOK_INTERVAL = Duration.ofMillis(100);
    private static final Duration FOLD_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DuckDBConnection connection;
    private final Path walFile;
    private final CheckpointPolicy policy;
    private final Timer checkpoints;
    private final Counter failures;
    private final ScheduledExecutorService timer;
    /** When the ledger was last folded, by {@link System#nanoTime()}. Guarded by this. */
    private long lastFold = System.nanoTime();

    WalCheckpointer(DuckDBConnection connection, Path databaseFile, CheckpointPolicy policy, MeterRegistry meters) {
        this.connection = connection;
        this.walFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".wal");
        this.policy = policy;
        this.checkpoints = Timer.builder("vigil.storage.checkpoint")
                .description("Checkpoints of the write-ahead log that Vigil ran beside the commits, and their time")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.failures = Counter.builder("vigil.storage.checkpoint.failed")
                .description("Checkpoints that failed or could not start; the next look tries again")
                .register(meters);
        Gauge.builder("vigil.storage.wal", this, WalCheckpointer::walBytes)
                .description("Size of the write-ahead log, which a restart after a crash replays")
                .baseUnit("bytes")
                .strongReference(true)
                .register(meters);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vigil-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        if (policy.scheduled()) {
            timer.scheduleWithFixedDelay(this::checkpointWhenDue, LOOK_INTERVAL.toMillis(), LOOK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            timer.scheduleWithFixedDelay(this::fold, FOLD_INTERVAL.toMillis(), FOLD_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    long walBytes() {
        try {
            return Files.size(walFile);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }

    private void checkpointWhenDue() {
        if (walBytes() >= policy.scheduledThresholdBytes()) {
            checkpoint();
        }
    }

    /**
     * Checkpoints now and then folds the ledger; whether the checkpoint went through. Runs on the
     * checkpointer's own thread, or on a test's while that thread is stopped.
     */
    synchronized boolean checkpoint() {
        boolean done;
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
            checkpoints.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            done = true;
        } catch (SQLException e) {
            // e.g. a transaction that holds the checkpoint lock is still open: the next look tries again
            failures.increment();
            LOG.debug("checkpoint failed: {}", QueryRunner.readable(e));
            done = false;
        }
        if (done || System.nanoTime() - lastFold >= FOLD_INTERVAL.toNanos()) {
            fold();
        }
        return done;
    }

    private synchronized void fold() {
        lastFold = System.nanoTime();
        try {
            IngestionLedger.fold(connection);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not fold the ingestion ledger's records; the next checkpoint tries again: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
