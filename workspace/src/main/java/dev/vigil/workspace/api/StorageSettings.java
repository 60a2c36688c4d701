package dev.vigil.workspace.api;

import dev.vigil.kql.ExternalDataReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the data lives, how ingestion batches, and what one query may take.
 *
 * @param dataDirectory created if missing; holds the database file
 * @param batchMaxRows a group commit closes when it holds this many rows...
 * @param batchMaxDelay ...or when its first request has waited this long
 * @param queueMaxRows rows waiting for commit beyond which ingestion is refused (HTTP 429)
 * @param queryLimits result caps, timeouts and the engine's memory
 * @param checkpoints when the write-ahead log is checkpointed
 * @param externalData what reads the files and URLs a query's {@code externaldata} names; by default nothing is read
 */
public record StorageSettings(Path dataDirectory, int batchMaxRows, Duration batchMaxDelay, int queueMaxRows, QueryLimits queryLimits,
                              CheckpointPolicy checkpoints, ExternalDataReader externalData) {
    public StorageSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(externalData, "externalData");
        Objects.requireNonNull(queryLimits, "queryLimits");
        Objects.requireNonNull(checkpoints, "checkpoints");
        if (batchMaxRows < 1) {
            throw new IllegalArgumentException("batchMaxRows must be at least 1, was " + batchMaxRows);
        }
        if (batchMaxDelay.isNegative()) {
            throw new IllegalArgumentException("batchMaxDelay must not be negative, was " + batchMaxDelay);
        }
        if (queueMaxRows < batchMaxRows) {
            throw new IllegalArgumentException("queueMaxRows (" + queueMaxRows + ") must be at least batchMaxRows (" + batchMaxRows + ")");
        }
    }

    /** Reading no external data. */
    public StorageSettings(Path dataDirectory, int batchMaxRows, Duration batchMaxDelay, int queueMaxRows, QueryLimits queryLimits,
                           CheckpointPolicy checkpoints) {
        this(dataDirectory, batchMaxRows, batchMaxDelay, queueMaxRows, queryLimits, checkpoints, ExternalDataReader.NONE);
    }

    /** With the default {@link CheckpointPolicy}. */
    public StorageSettings(Path dataDirectory, int batchMaxRows, Duration batchMaxDelay, int queueMaxRows, QueryLimits queryLimits) {
        this(dataDirectory, batchMaxRows, batchMaxDelay, queueMaxRows, queryLimits, CheckpointPolicy.defaults());
    }

    /** With the default {@link QueryLimits}. */
    public StorageSettings(Path dataDirectory, int batchMaxRows, Duration batchMaxDelay, int queueMaxRows) {
        this(dataDirectory, batchMaxRows, batchMaxDelay, queueMaxRows, QueryLimits.defaults());
    }

    /**
     * Safe defaults: batches of up to 50,000 rows or 20 ms, at most 500,000 rows waiting, {@link QueryLimits#defaults()},
     * {@link CheckpointPolicy#defaults()}.
     */
    public static StorageSettings defaults(Path dataDirectory) {
        return new StorageSettings(dataDirectory, 50_000, Duration.ofMillis(20), 500_000);
    }

    public StorageSettings withQueryLimits(QueryLimits limits) {
        return new StorageSettings(dataDirectory, batchMaxRows, batchMaxDelay, queueMaxRows, limits, checkpoints, externalData);
    }

    public StorageSettings withExternalData(ExternalDataReader reader) {
        return new StorageSettings(dataDirectory, batchMaxRows, batchMaxDelay, queueMaxRows, queryLimits, checkpoints, reader);
    }

    public StorageSettings withCheckpoints(CheckpointPolicy policy) {
        return new StorageSettings(dataDirectory, batchMaxRows, batchMaxDelay, queueMaxRows, queryLimits, policy, externalData);
    }
}
