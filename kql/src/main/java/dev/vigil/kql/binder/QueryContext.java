package dev.vigil.kql.binder;

import dev.vigil.kql.ExternalDataReader;
import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.QueryCaller;
import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.syntax.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What binding one query shares across its statements: the catalog, the time filter and ingestion range, the columns
 * found by schema probes, and what {@code render} asked for.
 */
final class QueryContext {
    private final Catalog catalog;
    private final Optional<TimeFilter> timeFilter;
    private final Optional<IngestionRange> ingestion;
    private final Map<String, Symbol.Function> storedFunctions = new HashMap<>();
    private final Map<String, List<ColumnSchema>> discoveredColumns;
    private final List<DiagnosticException> deferred = new ArrayList<>();
    private Optional<Visualization> visualization = Optional.empty();
    private final Map<String, Expression> options = new HashMap<>();
    private final QueryCaller caller;
    private final ExternalDataReader externalData;
    private final Optional<String> ingestionTimeColumn;
    private int ingestionTimeCalls;

    QueryContext(Catalog catalog, Optional<TimeFilter> timeFilter, Optional<IngestionRange> ingestion,
                 Map<String, List<ColumnSchema>> discoveredColumns, QueryCaller caller, ExternalDataReader externalData,
                 Optional<String> ingestionTimeColumn) {
        this.caller = caller;
        this.ingestionTimeColumn = ingestionTimeColumn;
        this.externalData = externalData;
        this.catalog = catalog;
        this.timeFilter = timeFilter;
        this.ingestion = ingestion;
        this.discoveredColumns = discoveredColumns;
    }

    /** The columns a schema probe found for the operator at this place, if it was run. */
    Optional<List<ColumnSchema>> discoveredColumns(String place) {
        return Optional.ofNullable(discoveredColumns.get(place));
    }

    QueryCaller caller() {
        return caller;
    }

    /** The physical column of stored tables' ingestion time, if the store keeps one. */
    Optional<String> ingestionTimeColumn() {
        return ingestionTimeColumn;
    }

    /** Counts a call of {@code ingestion_time()} that found no ingestion time in its scope, so that its operator can bind again with one. */
    void ingestionTimeMissed() {
        ingestionTimeCalls++;
    }

    int ingestionTimeMisses() {
        return ingestionTimeCalls;
    }

    ExternalDataReader externalData() {
        return externalData;
    }

    Catalog catalog() {
        return catalog;
    }

    Optional<TimeFilter> timeFilter() {
        return timeFilter;
    }

    Optional<IngestionRange> ingestion() {
        return ingestion;
    }

    Optional<Symbol.Function> storedFunction(String name) {
        return Optional.ofNullable(storedFunctions.get(name));
    }

    void cacheStoredFunction(String name, Symbol.Function function) {
        storedFunctions.put(name, function);
    }

    /** An error after which binding went on, to report it with the others. */
    void defer(DiagnosticException error) {
        deferred.add(error);
    }

    List<DiagnosticException> deferred() {
        return List.copyOf(deferred);
    }

    void render(Visualization requested) {
        visualization = Optional.of(requested);
    }

    Optional<Visualization> visualization() {
        return visualization;
    }

    /** Records {@code set name = value}; a later set of the same option wins. */
    void option(String name, Expression value) {
        options.put(name, value);
    }

    /** The value a {@code set} statement gave the option, if any. */
    Optional<Expression> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
