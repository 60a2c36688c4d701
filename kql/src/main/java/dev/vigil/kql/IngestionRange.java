package dev.vigil.kql;

import java.util.Objects;

/**
 * Rows committed in a range of ingestion batches, {@code (after, upTo]}: what a near-real-time
 * rule reads on each run. The batch number is a physical column of every stored table that is
 * not part of its KQL schema, so a query can neither see nor spoof it.
 *
 * @param column the physical column holding each row's ingestion batch number
 */
public record IngestionRange(String column, long after, long upTo) {
    public IngestionRange {
        Objects.requireNonNull(column, "column");
        if (after < 0 || upTo < after) {
            throw new IllegalArgumentException("an ingestion range needs 0 <= after <= upTo, was (" + after + ", " + upTo + "]");
        }
    }
}
