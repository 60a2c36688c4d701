package dev.vigil.workspace.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Database-wide settings that keep queries from harming the node, applied once when the database
 * opens and then locked, so that no statement run later can turn them back.
 *
 * <ul>
 *   <li>{@code memory_limit}: the engine's memory for everything it does; past it, it spills to its
 *       temporary directory or fails the query, instead of the machine running out.</li>
 *   <li>{@code enable_external_access = false}: no statement may read or write files, attach other
 *       databases, or load extensions. DuckDB applies it to every connection, so ingestion's
 *       {@code read_json} keeps working only because its spool directory is the one allowed
 *       directory (besides the engine's own temporary directory). The setting cannot be turned on
 *       again while the database runs, and the allowed directories cannot change.</li>
 *   <li>{@code checkpoint_threshold}: the write-ahead log size at which the engine checkpoints inside
 *       a commit ({@link dev.vigil.workspace.api.CheckpointPolicy}).</li>
 *   <li>{@code lock_configuration}: no further {@code SET} takes effect.</li>
 * </ul>
 */
final class EngineLimits {
    private static final long MIB = 1024L * 1024;
    /** What ingestion's {@code read_json} reserves per engine thread: twice its largest row, 256 MiB. */
    private static final long INGESTION_BUFFER = 512 * MIB;

    private EngineLimits() {
    }

    /**
     * The least memory the engine works with: a {@code read_json} buffer for each of its threads
     * (one per core), and as much again for the queries beside them.
     */
    static long minimumMemory() {
        return (Runtime.getRuntime().availableProcessors() + 1) * INGESTION_BUFFER;
    }

    static void apply(Connection database, long memoryLimitBytes, Path spoolDirectory, long checkpointThresholdBytes) throws SQLException {
        if (memoryLimitBytes < minimumMemory()) {
            throw new IllegalArgumentException("the engine's memory limit of " + memoryLimitBytes / MIB + " MiB is too small: ingestion alone takes "
                    + INGESTION_BUFFER / MIB + " MiB per core at times; give it at least " + minimumMemory() / MIB + " MiB on this machine");
        }
        String spool = spoolDirectory.toAbsolutePath().normalize() + "/";
        try (Statement statement = database.createStatement()) {
            statement.execute("SET memory_limit = '" + Math.max(1, memoryLimitBytes / MIB) + "MiB'");
            statement.execute("SET allowed_directories = [" + TableDdl.literal(spool) + "]");
            statement.execute("SET enable_external_access = false");
            statement.execute("SET checkpoint_threshold = '" + Math.max(1, checkpointThresholdBytes / MIB) + "MiB'");
            statement.execute("SET lock_configuration = true");
        }
    }
}
