package dev.vigil.kql.binder;

import dev.vigil.kql.IngestionRange;
import dev.vigil.kql.QueryCaller;
import dev.vigil.kql.Visualization;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.diagnostics.DiagnosticsException;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.AsOperator;
import dev.vigil.kql.syntax.ParseKvOperator;
import dev.vigil.kql.syntax.SetStatement;
import dev.vigil.kql.syntax.TopHittersOperator;
import dev.vigil.kql.syntax.CountOperator;
import dev.vigil.kql.syntax.DistinctOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.GetSchemaOperator;
import dev.vigil.kql.syntax.InvokeOperator;
import dev.vigil.kql.syntax.JoinOperator;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.LookupOperator;
import dev.vigil.kql.syntax.MakeSeriesOperator;
import dev.vigil.kql.syntax.MvApplyOperator;
import dev.vigil.kql.syntax.MvExpandOperator;
import dev.vigil.kql.syntax.ParseOperator;
import dev.vigil.kql.syntax.ProjectAwayOperator;
import dev.vigil.kql.syntax.ProjectKeepOperator;
import dev.vigil.kql.syntax.ProjectOperator;
import dev.vigil.kql.syntax.ProjectRenameOperator;
import dev.vigil.kql.syntax.ProjectReorderOperator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.RenderOperator;
import dev.vigil.kql.syntax.SampleDistinctOperator;
import dev.vigil.kql.syntax.SampleOperator;
import dev.vigil.kql.syntax.SearchOperator;
import dev.vigil.kql.syntax.SerializeOperator;
import dev.vigil.kql.syntax.SortOperator;
import dev.vigil.kql.syntax.Statement;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TakeOperator;
import dev.vigil.kql.syntax.TopNestedOperator;
import dev.vigil.kql.syntax.TopOperator;
import dev.vigil.kql.syntax.UnionOperator;
import dev.vigil.kql.syntax.WhereOperator;
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
        QueryContext context = new QueryContext(catalog, timeFilter, ingestion, discoveredColumns, caller);
        LogicalOperator result;
        try {
            result = bindStatements(query, context);
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
        return new BoundQuery(result, context.visualization());
    }

    private static LogicalOperator bindStatements(Query query, QueryContext context) {
        Environment environment = Environment.root(context);
        LogicalOperator result = null;
        for (Statement statement : query.statements()) {
            if (statement instanceof LetStatement let) {
                environment = environment.child();
                LetBinder.bind(let, environment);
            } else if (statement instanceof SetStatement set && set.value().isPresent()) {
                context.option(set.option().name(), set.value().get());
            } else if (statement instanceof QueryStatement queryStatement) {
                if (result != null) {
                    throw new DiagnosticException(DiagnosticFacts.oneResultOnly(), statement.span());
                }
                result = TabularBinder.bind(queryStatement.pipe(), environment);
            }
        }
        if (result == null) {
            throw new DiagnosticException(DiagnosticFacts.noResultStatement(), query.span());
        }
        return result;
    }

    /** The bound plan of a query and the visualization its {@code render} asked for. */
    public record BoundQuery(LogicalOperator plan, Optional<Visualization> visualization) {
    }

    /** One line per operator; each operator's binding lives in its own class. */
    static LogicalOperator bindOperator(QueryOperator operator, LogicalOperator input, Environment environment) {
        if (operator instanceof WhereOperator where) {
            return WhereBinder.bind(where, input, environment);
        }
        if (operator instanceof ProjectOperator project) {
            return ProjectBinder.bind(project, input, environment);
        }
        if (operator instanceof ExtendOperator extend) {
            return ExtendBinder.bind(extend, input, environment);
        }
        if (operator instanceof TakeOperator take) {
            return TakeBinder.bind(take, input, environment);
        }
        if (operator instanceof CountOperator count) {
            return CountBinder.bind(count, input);
        }
        if (operator instanceof SummarizeOperator summarize) {
            return SummarizeBinder.bind(summarize, input, environment);
        }
        if (operator instanceof SortOperator sort) {
            return SortBinder.bind(sort, input, environment);
        }
        if (operator instanceof TopOperator top) {
            return TopBinder.bind(top, input, environment);
        }
        if (operator instanceof ProjectAwayOperator away) {
            return ProjectAwayBinder.bind(away, input);
        }
        if (operator instanceof ProjectKeepOperator keep) {
            return ProjectKeepBinder.bind(keep, input);
        }
        if (operator instanceof ProjectRenameOperator rename) {
            return ProjectRenameBinder.bind(rename, input);
        }
        if (operator instanceof ProjectReorderOperator reorder) {
            return ProjectReorderBinder.bind(reorder, input);
        }
        if (operator instanceof DistinctOperator distinct) {
            return DistinctBinder.bind(distinct, input, environment);
        }
        if (operator instanceof JoinOperator join) {
            return JoinBinder.bind(join, input, environment);
        }
        if (operator instanceof LookupOperator lookup) {
            return LookupBinder.bind(lookup, input, environment);
        }
        if (operator instanceof UnionOperator union) {
            return UnionBinder.bind(union, Optional.of(input), environment);
        }
        if (operator instanceof MvExpandOperator mvExpand) {
            return MvExpandBinder.bind(mvExpand, input, environment);
        }
        if (operator instanceof MvApplyOperator mvApply) {
            return MvApplyBinder.bind(mvApply, input, environment);
        }
        if (operator instanceof ParseOperator parse) {
            return ParseBinder.bind(parse, input, environment);
        }
        if (operator instanceof SerializeOperator serialize) {
            return SerializeBinder.bind(serialize, input, environment);
        }
        if (operator instanceof GetSchemaOperator) {
            return GetSchemaBinder.bind(input);
        }
        if (operator instanceof AsOperator as) {
            environment.define(as.name().name(), new Symbol.Tabular(input));
            return input;
        }
        if (operator instanceof InvokeOperator invoke) {
            return InvokeBinder.bind(invoke, input, environment);
        }
        if (operator instanceof SampleOperator sample) {
            return SampleBinder.bind(sample, input, environment);
        }
        if (operator instanceof SampleDistinctOperator sampleDistinct) {
            return SampleBinder.bindDistinct(sampleDistinct, input, environment);
        }
        if (operator instanceof RenderOperator render) {
            environment.context().render(new Visualization(render.chart().name(), render.properties()));
            return input;
        }
        if (operator instanceof EvaluateOperator evaluate) {
            return EvaluateBinder.bind(evaluate, input, environment);
        }
        if (operator instanceof SearchOperator search) {
            return SearchBinder.bind(search, Optional.of(input), environment);
        }
        if (operator instanceof MakeSeriesOperator makeSeries) {
            return MakeSeriesBinder.bind(makeSeries, input, environment);
        }
        if (operator instanceof TopNestedOperator topNested) {
            return TopNestedBinder.bind(topNested, input, environment);
        }
        if (operator instanceof ParseKvOperator parseKv) {
            return ParseKvBinder.bind(parseKv, input, environment);
        }
        if (operator instanceof TopHittersOperator topHitters) {
            return TopHittersBinder.bind(topHitters, input, environment);
        }
        throw new IllegalStateException("no binder for " + operator.getClass().getSimpleName());
    }
}
