package dev.vigil.workspace.api;

import java.util.Objects;
import java.util.Optional;

/**
 * What a query delivered.
 *
 * @param rows rows handed to the sink
 * @param bytes their size as the query API's JSON
 * @param truncation present when a result limit cut the rows short
 */
public record QuerySummary(long rows, long bytes, Optional<ResultTruncation> truncation) {
    public QuerySummary {
        Objects.requireNonNull(truncation, "truncation");
    }
}
