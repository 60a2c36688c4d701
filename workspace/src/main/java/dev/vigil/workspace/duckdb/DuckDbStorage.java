package dev.vigil.workspace.duckdb;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.ingest.GroupCommitter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
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
    /** Ingestion's transient files, inside the data directory; the only directory queries' engine may read. */
    static final String SPOOL_DIRECTORY = "spool";
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbStorage.class);

    private final DuckDBConnection database;
    private final DuckDBConnection writerConnection;
    private final DuckDBConnection catalogConnection;
    private final DuckDBConnection stateConnection;
    private final DuckDBConnection ledgerConnection;
    private final GroupCommitter committer;
    private final DuckDbLogStore logStore;
    private final DuckDbStateStore stateStore;

    private DuckDbStorage(StorageSettings settings, MeterRegistry meters, Clock clock) throws SQLException, IOException {
        Path directory = settings.dataDirectory();
        Files.createDirectories(directory);
        Path file = directory.resolve(DATABASE_FILE);
        database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        try {
            ControlSchema.create(database);
            Path spool = directory.resolve(SPOOL_DIRECTORY);
            EngineLimits.apply(database, settings.queryLimits().memoryLimitBytes(), spool);
            writerConnection = database.duplicate();
            catalogConnection = database.duplicate();
            stateConnection = database.duplicate();
            ledgerConnection = database.duplicate();
            Workspaces workspaces = Workspaces.load(catalogConnection, clock);
            IngestionLedger ledger = IngestionLedger.load(ledgerConnection);
            NdjsonBatchWriter writer = new NdjsonBatchWriter(writerConnection, spool, workspaces, ledger, clock);
            committer = new GroupCommitter(writer, settings.batchMaxRows(), settings.batchMaxDelay(), settings.queueMaxRows(), meters);
            logStore = new DuckDbLogStore(database, workspaces, committer, ledger, settings.queryLimits(), clock, meters);
            stateStore = new DuckDbStateStore(stateConnection, clock);
        } catch (SQLException | IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        LOG.info("opened DuckDB storage at {}", file);
    }

    /**
     * Opens (creating if missing) the data directory and its database.
     *
     * @throws IllegalStateException if the database cannot be opened, e.g. another process holds it
     */
    public static Storage open(StorageSettings settings, MeterRegistry meters) {
        return open(settings, meters, Clock.systemUTC());
    }

    static DuckDbStorage open(StorageSettings settings, MeterRegistry meters, Clock clock) {
        try {
            return new DuckDbStorage(settings, meters, clock);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the database in " + settings.dataDirectory() + ": "
                    + QueryRunner.readable(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the data directory " + settings.dataDirectory(), e);
        }
    }

    /** Runs SQL of the caller's own on a read connection; for tests that look at what is stored. */
    List<List<Object>> sql(String sql, List<ColumnSchema> columns) {
        return logStore.sql(sql, columns);
    }

    /** Runs a statement of the caller's own on a connection like a query's; for tests that probe the engine's settings. */
    void execute(String sql) throws SQLException {
        try (DuckDBConnection connection = database.duplicate(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
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
    public void close() {
        committer.close();
        logStore.close();
        for (DuckDBConnection connection : new DuckDBConnection[] {ledgerConnection, stateConnection, catalogConnection, writerConnection, database}) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing a database connection failed: {}", QueryRunner.readable(e));
            }
        }
    }
}
