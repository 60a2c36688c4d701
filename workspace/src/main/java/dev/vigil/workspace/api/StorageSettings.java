package dev.vigil.workspace.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the data lives and how ingestion batches.
 *
 * @param dataDirectory created if missing; holds the database file
 * @param batchMaxRows a group commit closes when it holds this many rows...
 * @param batchMaxDelay ...or when its first request has waited this long
 * @param queueMaxRows rows waiting for commit beyond which ingestion is refused (HTTP 429)
 */
public record StorageSettings(Path dataDirectory, int batchMaxRows, Duration batchMaxDelay, int queueMaxRows) {
    public StorageSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
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

    /** Safe defaults: batches of up to 50,000 rows or 20 ms, and at most 500,000 rows waiting. */
    public static StorageSettings defaults(Path dataDirectory) {
        return new StorageSettings(dataDirectory, 50_000, Duration.ofMillis(20), 500_000);
    }
}
