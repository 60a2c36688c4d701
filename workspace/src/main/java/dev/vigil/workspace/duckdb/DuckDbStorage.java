package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.PurgeReport;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.QueryExecutionException;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageHealth;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.ingest.GroupCommitter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage in one DuckDB database file, {@code <dataDirectory>/vigil.duckdb}. Each part works on
 * its own connection to it: the group-commit writer, catalog changes, state documents, and a
 * fresh one per query, so that queries never wait for the writer.
 */
public final class DuckDbStorage implements Storage {
    /** The database file inside the data directory. */
    public static final String DATABASE_FILE = "vigil.duckdb";
    /** Ingestion's transient files, inside the data directory; the only directory the engine may read. */
    static final String SPOOL_DIRECTORY = "spool";
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbStorage.class);
    /** Rows past retention by up to an hour more are of no harm; a purge pass over nothing costs little. */
    static final Duration PURGE_INTERVAL = Duration.ofHours(1);
    /** The first pass waits until the server has started and its consumers caught up. */
    private static final Duration FIRST_PURGE_AFTER = Duration.ofMinutes(1);

    private final DuckDBConnection database;
    private final DuckDBConnection writerConnection;
    private final DuckDBConnection catalogConnection;
    private final DuckDBConnection stateConnection;
    private final DuckDBConnection ledgerConnection;
    private final DuckDBConnection monitorConnection;
    private final DuckDBConnection queryConnections;
    private final DuckDBConnection retentionConnection;
    private final DuckDBConnection purgeConnection;
    private final DuckDBConnection checkpointConnection;
    private final WalCheckpointer checkpointer;
    private final RetentionPurge purge;
    /** Runs the retention purge every {@link #PURGE_INTERVAL}. */
    private final ScheduledExecutorService purgeTimer;
    private final StorageMonitor monitor;
    private final GroupCommitter committer;
    private final DuckDbLogStore logStore;
    private final DuckDbStateStore stateStore;

    private DuckDbStorage(StorageSettings settings, MeterRegistry meters, Clock clock) {
        Path directory = settings.dataDirectory();
        Path file = directory.resolve(DATABASE_FILE);
        Path spool = directory.resolve(SPOOL_DIRECTORY);
        createDirectory(directory);
        database = connect(file);
        DuckDBConnection monitored = null;
        try {
            monitorConnection = database.duplicate();
            monitored = monitorConnection;
            monitor = new StorageMonitor(monitorConnection, directory, spool, clock, meters);
            Optional<String> unwritable = monitor.probe();
            if (unwritable.isPresent()) {
                throw new IllegalStateException("the data directory " + directory + " cannot take writes: " + unwritable.get()
                        + "; make sure the user running Vigil may write the directory and its files (" + DATABASE_FILE + ", "
                        + DATABASE_FILE + ".wal, " + SPOOL_DIRECTORY + "/) and that the disk has space");
            }
            ControlSchema.create(database);
            JavaFunctionInstaller.install(database);
            queryConnections = QueryRunner.streamingConnections(database);
            EngineLimits.apply(database, settings.queryLimits().memoryLimitBytes(), spool, settings.checkpoints().engineThresholdBytes());
            writerConnection = database.duplicate();
            catalogConnection = database.duplicate();
            stateConnection = database.duplicate();
            ledgerConnection = database.duplicate();
            retentionConnection = database.duplicate();
            purgeConnection = database.duplicate();
            checkpointConnection = database.duplicate();
            checkpointer = new WalCheckpointer(checkpointConnection, file, settings.checkpoints(), meters);
            Workspaces workspaces = Workspaces.load(catalogConnection, clock);
            Retentions retentions = Retentions.load(retentionConnection);
            purge = new RetentionPurge(purgeConnection, workspaces, retentions, clock, meters);
            IngestionLedger ledger = IngestionLedger.load(ledgerConnection);
            NdjsonBatchWriter writer = spoolWriter(writerConnection, spool, workspaces, ledger, clock);
            committer = new GroupCommitter(writer, monitor, settings.batchMaxRows(), settings.batchMaxDelay(), settings.queueMaxRows(), meters);
            logStore = new DuckDbLogStore(database, queryConnections, workspaces, retentions, committer, ledger, settings.queryLimits(),
                    settings.externalData(), clock, meters);
            stateStore = new DuckDbStateStore(stateConnection, clock);
        } catch (SQLException e) {
            closeQuietly(monitored);
            closeQuietly(database);
            throw new IllegalStateException("could not prepare the database " + file + ": " + QueryRunner.readable(e), e);
        } catch (RuntimeException e) {
            closeQuietly(monitored);
            closeQuietly(database);
            throw e;
        }
        monitor.start();
        checkpointer.start();
        purgeTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigil-retention-purge");
            thread.setDaemon(true);
            return thread;
        });
        purgeTimer.scheduleWithFixedDelay(this::purgeSafely, FIRST_PURGE_AFTER.toMillis(), PURGE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("opened DuckDB storage at {}", file);
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("could not create the data directory " + directory + ": " + StorageFailures.describe(e)
                    + "; choose another data directory or fix this one", e);
        }
    }

    private static DuckDBConnection connect(Path file) {
        try {
            return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        } catch (SQLException e) {
            String reason = QueryRunner.readable(e);
            String hint = reason.contains("Could not set lock")
                    ? "; another Vigil server (or a DuckDB client) has this data directory open: stop it, or use another data directory"
                    : "";
            throw new IllegalStateException("could not open the database " + file + ": " + reason + hint, e);
        }
    }

    private static NdjsonBatchWriter spoolWriter(DuckDBConnection connection, Path spool, Workspaces workspaces, IngestionLedger ledger,
                                                 Clock clock) {
        try {
            return new NdjsonBatchWriter(connection, spool, workspaces, ledger, clock);
        } catch (IOException e) {
            throw new IllegalStateException("could not clear the spool directory " + spool + ": " + StorageFailures.describe(e), e);
        }
    }

    private static void closeQuietly(DuckDBConnection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a database connection failed: {}", QueryRunner.readable(e));
        }
    }

    /**
     * Opens (creating if missing) the data directory and its database, and checks that it takes writes.
     *
     * @throws IllegalStateException naming the cause and the file when the directory or database
     *                               cannot be created, opened (e.g. another process holds it) or written
     */
    public static Storage open(StorageSettings settings, MeterRegistry meters) {
        return open(settings, meters, Clock.systemUTC());
    }

    static DuckDbStorage open(StorageSettings settings, MeterRegistry meters, Clock clock) {
        return new DuckDbStorage(settings, meters, clock);
    }

    /**
     * Runs SQL of the caller's own, as written, on a connection like a query's and returns its rows
     * (none for a statement such as {@code CHECKPOINT}); for tests that look at what is stored or
     * probe the engine's settings.
     */
    List<List<Object>> sql(String sql, List<ColumnSchema> columns) {
        try (DuckDBConnection connection = database.duplicate(); Statement statement = connection.createStatement()) {
            List<List<Object>> rows = new ArrayList<>();
            if (statement.execute(sql)) {
                try (ResultSet result = statement.getResultSet()) {
                    while (result.next()) {
                        rows.add(QueryRunner.read(result, columns));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new QueryExecutionException("the query failed while running: " + QueryRunner.readable(e), e);
        }
    }

    @Override
    public LogStore logStore() {
        return logStore;
    }

    @Override
    public StateStore stateStore() {
        return stateStore;
    }

    @Override
    public StorageHealth health() {
        return monitor.health();
    }

    /** The group committer, for tests that hand it rows past validation, as a value the validator misses would pass. */
    GroupCommitter committer() {
        return committer;
    }

    /** Probes storage now, as after a failed commit; for tests that change the files under it. */
    StorageHealth probe() {
        monitor.probe();
        return monitor.health();
    }

    @Override
    public PurgeReport purgeExpiredRows() {
        return purge.run();
    }

    private void purgeSafely() {
        try {
            purge.run();
        } catch (RuntimeException e) {
            LOG.warn("the retention purge failed; it runs again in {}", PURGE_INTERVAL, e);
        }
    }

    /** The write-ahead log's checkpointer, for tests that checkpoint at a moment of their choosing. */
    WalCheckpointer checkpointer() {
        return checkpointer;
    }

    @Override
    public void close() {
        checkpointer.close();
        purgeTimer.shutdownNow();
        purge.close();
        committer.close();
        monitor.close();
        logStore.close();
        for (DuckDBConnection connection : new DuckDBConnection[] {
                checkpointConnection, purgeConnection, retentionConnection, monitorConnection, ledgerConnection, stateConnection, catalogConnection, writerConnection, queryConnections, database}) {
            closeQuietly(connection);
        }
    }
}
