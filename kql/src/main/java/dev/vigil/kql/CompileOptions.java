package dev.vigil.kql;

import dev.vigil.kql.catalog.ColumnSchema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compilation needs besides the text and the catalog.
 *
 * @param now the instant {@code now()} and {@code ago()} refer to; fixed per query so that every
 *     call in one query sees the same time
 * @param timeRange when present, every table reference that has a {@code TimeGenerated} column
 *     is restricted to {@code start <= TimeGenerated < end} (the query API's {@code timespan})
 * @param ingestion when present, every table reference is restricted to the rows of these
 *     ingestion batches (a near-real-time rule's run)
 * @param discoveredColumns the output columns of data-dependent operators ({@code evaluate
 *     bag_unpack}, {@code evaluate pivot}) found by running their {@link SchemaProbe}s, by probe key
 * @param caller who runs the query, for {@code current_principal()} and the like
 * @param externalData what reads the files and URLs {@code externaldata} names, while the query compiles
 * @param ingestionTimeColumn the physical column in which stored tables keep each row's ingestion time, for
 *     {@code ingestion_time()}; without it (and for tables without storage) {@code ingestion_time()} is null
 */
public record CompileOptions(Instant now, Optional<TimeRange> timeRange, Optional<IngestionRange> ingestion,
                             Map<String, List<ColumnSchema>> discoveredColumns, QueryCaller caller, ExternalDataReader externalData,
                             Optional<String> ingestionTimeColumn) {
    public CompileOptions {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(externalData, "externalData");
        Objects.requireNonNull(ingestionTimeColumn, "ingestionTimeColumn");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(timeRange, "timeRange");
        Objects.requireNonNull(ingestion, "ingestion");
        Map<String, List<ColumnSchema>> copy = new LinkedHashMap<>();
        discoveredColumns.forEach((key, columns) -> copy.put(key, List.copyOf(columns)));
        discoveredColumns = Map.copyOf(copy);
    }

    public CompileOptions(Instant now, Optional<TimeRange> timeRange) {
        this(now, timeRange, Optional.empty(), Map.of(), QueryCaller.UNKNOWN, ExternalDataReader.NONE, Optional.empty());
    }

    public static CompileOptions at(Instant now) {
        return new CompileOptions(now, Optional.empty());
    }

    public CompileOptions withTimeRange(TimeRange range) {
        return new CompileOptions(now, Optional.of(range), ingestion, discoveredColumns, caller, externalData, ingestionTimeColumn);
    }

    public CompileOptions withIngestion(IngestionRange range) {
        return new CompileOptions(now, timeRange, Optional.of(range), discoveredColumns, caller, externalData, ingestionTimeColumn);
    }

    public CompileOptions withCaller(QueryCaller who) {
        return new CompileOptions(now, timeRange, ingestion, discoveredColumns, who, externalData, ingestionTimeColumn);
    }

    public CompileOptions withIngestionTimeColumn(String column) {
        return new CompileOptions(now, timeRange, ingestion, discoveredColumns, caller, externalData, Optional.of(column));
    }

    public CompileOptions withExternalData(ExternalDataReader reader) {
        return new CompileOptions(now, timeRange, ingestion, discoveredColumns, caller, reader, ingestionTimeColumn);
    }

    /** These options with more discovered columns; a key already present is replaced. */
    public CompileOptions withDiscoveredColumns(Map<String, List<ColumnSchema>> discovered) {
        Map<String, List<ColumnSchema>> merged = new LinkedHashMap<>(discoveredColumns);
        merged.putAll(discovered);
        return new CompileOptions(now, timeRange, ingestion, merged, caller, externalData, ingestionTimeColumn);
    }
}
