package dev.vigil.workspace.api;

import java.time.Duration;
import java.util.Map;

/**
 * What one pass of the retention purge deleted.
 *
 * @param deletedRows rows deleted per {@code workspace/table}, only tables that lost rows
 */
public record PurgeReport(Map<String, Long> deletedRows, Duration took) {
    public PurgeReport {
        deletedRows = Map.copyOf(deletedRows);
    }

    public long totalRows() {
        return deletedRows.values().stream().mapToLong(Long::longValue).sum();
    }
}
