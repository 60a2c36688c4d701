package dev.vigil.workspace.duckdb;

import dev.vigil.workspace.api.StorageHealth;
import dev.vigil.workspace.ingest.StorageCheck;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether storage takes writes by doing what every ingestion commit does: writing a
 * file in the spool directory (made again if it went missing) and committing a row, of
 * {@code vigil.storage_probe}, through the write-ahead log. It probes at start, whenever a
 * commit failed (the group committer asks), every {@link #HEALTHY_INTERVAL} and, while failing,
 * every {@link #FAILING_INTERVAL}, so that health recovers by itself once the cause is gone.
 * Publishes the result as {@code vigil_storage_writable}.
 */
final class StorageMonitor implements StorageCheck, AutoCloseable {
    static final Duration HEALTHY_INTERVAL = Duration.ofSeconds(10);
    static final Duration FAILING_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StorageMonitor.class);
    private static final String PROBE_FILE = "storage-probe";

    private final DuckDBConnection connection;
    private final Path dataDirectory;
    private final Path spoolDirectory;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile StorageHealth health;
    /** When the last probe ran, by {@link System#nanoTime()}. Guarded by this. */
    private long lastProbe;
    /** Guarded by this. */
    private boolean tableReady;

    StorageMonitor(DuckDBConnection connection, Path dataDirectory, Path spoolDirectory, Clock clock, MeterRegistry meters) {
        this.connection = connection;
        this.dataDirectory = dataDirectory;
        this.spoolDirectory = spoolDirectory;
        this.clock = clock;
        this.health = new StorageHealth(true, clock.instant(), "");
        Gauge.builder("vigil.storage.writable", this, monitor -> monitor.health().writable() ? 1 : 0)
                .description("1 while storage takes writes, 0 while commits fail for a reason of storage (see /healthz)")
                .strongReference(true)
                .register(meters);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vigil-storage-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the periodic probes. */
    void start() {
        timer.scheduleWithFixedDelay(this::probeWhenDue, FAILING_INTERVAL.toMillis(), FAILING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    StorageHealth health() {
        return health;
    }

    @Override
    public boolean takesWrites() {
        return probe().isEmpty();
    }

    /**
     * Probes now and records the result.
     *
     * @return why storage takes no writes, naming the files in full, for the operator; empty when it does
     */
    synchronized Optional<String> probe() {
        lastProbe = System.nanoTime();
        String failure;
        try {
            writeProbe();
            if (!health.writable()) {
                LOG.info("storage takes writes again, after failing since {}", health.since());
                health = new StorageHealth(true, clock.instant(), "");
            }
            return Optional.empty();
        } catch (IOException e) {
            failure = "the spool directory cannot be written: " + StorageFailures.describe(e);
        } catch (SQLException e) {
            failure = "the database cannot commit: " + QueryRunner.readable(e);
        } catch (RuntimeException e) {
            failure = "the storage probe failed: " + e;
        }
        if (health.writable()) {
            LOG.error("storage cannot take writes: {}", failure);
            health = new StorageHealth(false, clock.instant(), StorageFailures.withinDataDirectory(failure, dataDirectory));
        }
        return Optional.of(failure);
    }

    private void writeProbe() throws IOException, SQLException {
        Files.createDirectories(spoolDirectory);
        Path file = spoolDirectory.resolve(PROBE_FILE);
        Files.writeString(file, clock.instant().toString(), StandardCharsets.UTF_8);
        Files.delete(file);
        if (!tableReady) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + ControlSchema.SCHEMA);
                statement.execute(ControlSchema.createStorageProbe());
            }
            tableReady = true;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + ControlSchema.STORAGE_PROBE
                + " (id, written_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET written_at = excluded.written_at")) {
            upsert.setTimestamp(1, Timestamp.from(clock.instant()));
            upsert.executeUpdate();
        }
    }

    private void probeWhenDue() {
        Duration interval = health.writable() ? HEALTHY_INTERVAL : FAILING_INTERVAL;
        boolean due;
        synchronized (this) {
            due = System.nanoTime() - lastProbe >= interval.toNanos() - TimeUnit.MILLISECONDS.toNanos(50);
        }
        if (due) {
            probe();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
