package dev.vigil.kql.binder;

import dev.vigil.kql.ExternalDataReader;
import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.QueryCaller;
import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.diagnostics.DiagnosticsException;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a syntax tree into a typed logical plan, resolving names against the {@code let}
 * statements and the catalog. The syntax tree is left as it is. Fails with a
 * {@link DiagnosticsException}: after an error in an operator that keeps its input's columns
 * ({@code where}, {@code sort}, {@code take}, {@code top}, {@code sample}) binding goes on with the
 * rest of the pipe, so that independent errors are reported together; any other error ends it.
 */
public final class Binder {
    private Binder() {
    }

    /** The plan of the query's result. */
    public static LogicalOperator bind(Query query, Catalog catalog, Optional<TimeFilter> timeFilter) {
        return bindQuery(query, catalog, timeFilter).plan();
    }

    /** The plan of the query's result, with what {@code render} asked for. */
    public static BoundQuery bindQuery(Query query, Catalog catalog, Optional<TimeFilter> timeFilter) {
        return bindQuery(query, catalog, timeFilter, Map.of());
    }

    /**
     * The plan of the query's result, given the columns already found by schema probes. Throws
     * {@link SchemaProbeRequired} at the first data-dependent operator whose columns are neither
     * declared nor discovered.
     */
    public static BoundQuery bindQuery(Query query, Catalog catalog, Optional<TimeFilter> timeFilter,
                                       Map<String, List<ColumnSchema>> discoveredColumns) {
        return bindQuery(query, catalog, timeFilter, Optional.empty(), discoveredColumns);
    }

    /** As above, every table restricted to the rows of an ingestion range when one is given. */
    public static BoundQuery bindQuery(Query query, Catalog catalog, Optional<TimeFilter> timeFilter,
                                       Optional<IngestionRange> ingestion, Map<String, List<ColumnSchema>> discoveredColumns) {
        return bindQuery(query, catalog, timeFilter, ingestion, discoveredColumns, QueryCaller.UNKNOWN);
    }

    /** As above, {@code current_principal()} and {@code current_database()} naming {@code caller}. */
    public static BoundQuery bindQuery(Query query, Catalog catalog, Optional<TimeFilter> timeFilter,
                                       Optional<IngestionRange> ingestion, Map<String, List<ColumnSchema>> discoveredColumns,
                                       QueryCaller caller) {
        return bindQuery(query, catalog, timeFilter, ingestion, discoveredColumns, caller, ExternalDataReader.NONE, Optional.empty());
    }

    /**
     * As above, {@code externaldata} reading its locations with {@code externalData}, and {@code ingestion_time()} reading
     * stored tables' {@code ingestionTimeColumn} when given.
     */
    public static BoundQuery bindQuery(Query query, Catalog catalog, Optional<TimeFilter> timeFilter,
                                       Optional<IngestionRange> ingestion, Map<String, List<ColumnSchema>> discoveredColumns,
                                       QueryCaller caller, ExternalDataReader externalData, Optional<String> ingestionTimeColumn) {
        QueryContext context = new QueryContext(catalog, timeFilter, ingestion, discoveredColumns, caller, externalData, ingestionTimeColumn);
        List<NamedResult> results;
        try {
            results = bindStatements(query, context);
        } catch (DiagnosticException e) {
            List<DiagnosticException> errors = new ArrayList<>(context.deferred());
            errors.add(e);
            throw new DiagnosticsException(errors);
        } catch (SchemaProbeRequired e) {
            if (!context.deferred().isEmpty()) {
                throw new DiagnosticsException(context.deferred());
            }
            throw e;
        }
        if (!context.deferred().isEmpty()) {
            throw new DiagnosticsException(context.deferred());
        }
        return new BoundQuery(results, context.visualization());
    }

    private static List<NamedResult> bindStatements(Query query, QueryContext context) {
        Environment environment = Environment.root(context);
        StatementBinding binding = new StatementBinding(environment, context);
        for (Statement statement : query.statements()) {
            statement.accept(binding);
        }
        List<NamedResult> results = binding.results();
        if (results == null) {
            throw new DiagnosticException(DiagnosticFacts.noResultStatement(), query.span());
        }
        return results;
    }

    /** The bound plans of a query's results, at least one, and the visualization its {@code render} asked for. */
    public record BoundQuery(List<NamedResult> results, Optional<Visualization> visualization) {
        public BoundQuery {
            results = List.copyOf(results);
            if (results.isEmpty()) {
                throw new IllegalArgumentException("a query has at least one result");
            }
        }

        /** The plan of the first result, the one callers that take a single table use. */
        public LogicalOperator plan() {
            return results.get(0).plan();
        }
    }

    /** Binds {@code operator} over {@code input}; {@link OperatorBinding} has one method per operator. */
    static LogicalOperator bindOperator(QueryOperator operator, LogicalOperator input, Environment environment) {
        return operator.accept(new OperatorBinding(input, environment));
    }
}
