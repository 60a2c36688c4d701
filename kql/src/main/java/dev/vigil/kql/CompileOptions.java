package dev.vigil.kql;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compilation needs besides the text and the catalog.
 *
 * @param now the instant {@code now()} and {@code ago()} refer to; fixed per query so that every
 *     call in one query sees the same time
 * @param timeRange when present, every table reference that has a {@code TimeGenerated} column
 *     is restricted to {@code start <= TimeGenerated < end} (the query API's {@code timespan})
 */
public record CompileOptions(Instant now, Optional<TimeRange> timeRange) {
    public CompileOptions {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(timeRange, "timeRange");
    }

    public static CompileOptions at(Instant now) {
        return new CompileOptions(now, Optional.empty());
    }

    public CompileOptions withTimeRange(TimeRange range) {
        return new CompileOptions(now, Optional.of(range));
    }
}
