package dev.vigil.kql;

import dev.vigil.kql.binder.Binder;
import dev.vigil.kql.binder.EvaluatePlugins;
import dev.vigil.kql.binder.SchemaProbeRequired;
import dev.vigil.kql.binder.TimeFilter;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.diagnostics.DiagnosticsException;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.parser.TabularOperators;
import dev.vigil.kql.plan.PlanPrinter;
import dev.vigil.kql.sql.SchemaProbeSql;
import dev.vigil.kql.sql.SqlGenerator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.SourceText;
import dev.vigil.kql.syntax.Span;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point of the KQL module: text in, positioned diagnostics, the output schema and
 * DuckDB SQL out. Compilation never throws for bad input; every problem is a diagnostic.
 */
public final class Kql {
    private Kql() {
    }

    /**
     * Compiles in one pass. A data-dependent operator without declared columns makes a compilation
     * that {@linkplain Compilation#needsProbe() needs a probe} instead of SQL.
     */
    public static Compilation compile(String text, Catalog catalog, CompileOptions options) {
        return run(text, catalog, options, false).compilation();
    }

    /**
     * Compiles, running every schema probe the query needs with {@code probes} and compiling again
     * with the columns found, until the query is complete or fails.
     */
    public static Compilation compile(String text, Catalog catalog, CompileOptions options, ProbeRunner probes) {
        return explain(text, catalog, options, probes).compilation();
    }

    /** Compiles and also prints the bound plan with types, for {@code vigil kql explain}. */
    public static Explanation explain(String text, Catalog catalog, CompileOptions options) {
        return run(text, catalog, options, true);
    }

    /** {@link #explain(String, Catalog, CompileOptions)}, running schema probes as {@link #compile(String, Catalog, CompileOptions, ProbeRunner)} does. */
    public static Explanation explain(String text, Catalog catalog, CompileOptions options, ProbeRunner probes) {
        CompileOptions current = options;
        while (true) {
            Explanation explanation = run(text, catalog, current, true);
            Optional<SchemaProbe> probe = explanation.compilation().probe();
            if (probe.isEmpty()) {
                return explanation;
            }
            if (current.discoveredColumns().containsKey(probe.get().key())) {
                throw new IllegalStateException("the compiler asked twice for the columns of " + probe.get().key());
            }
            current = current.withDiscoveredColumns(Map.of(probe.get().key(), probes.run(probe.get())));
        }
    }

    /** The names of every built-in function a query can call, sorted: what an editor completes. */
    public static java.util.SortedSet<String> functionNames() {
        return FunctionRegistry.names();
    }

    /** The tabular operators Vigil reads after a pipe, in the checklist's order: what an editor completes after {@code |}. */
    public static List<String> operatorNames() {
        return TabularOperators.supported().keySet().stream().filter(name -> !TabularOperators.startsQuery(name)).toList();
    }

    /** The operators that start a query instead of following a pipe ({@code print}, {@code find}, ...). */
    public static List<String> queryStartNames() {
        return TabularOperators.supported().keySet().stream().filter(TabularOperators::startsQuery).toList();
    }

    /** The names of every plugin {@code evaluate} runs: what an editor completes after {@code evaluate}. */
    public static List<String> pluginNames() {
        return List.copyOf(EvaluatePlugins.supported().keySet());
    }

    private static Explanation run(String text, Catalog catalog, CompileOptions options, boolean printPlan) {
        SourceText source = new SourceText(text);
        try {
            Query query = KqlParser.parse(text);
            Optional<TimeFilter> timeFilter = options.timeRange().map(r -> new TimeFilter(r.start(), r.end()));
            Binder.BoundQuery bound = Binder.bindQuery(query, catalog, timeFilter, options.ingestion(), options.discoveredColumns(), options.caller(),
                    options.externalData(), options.ingestionTimeColumn());
            List<ResultTable> results = bound.results().stream()
                    .map(result -> new ResultTable(result.name(), result.plan().schema(), SqlGenerator.generate(result.plan(), options.now())))
                    .toList();
            Compilation compilation = new Compilation(text, List.of(), results, bound.visualization(), Optional.empty());
            return new Explanation(compilation, printPlan ? plans(bound) : "");
        } catch (SchemaProbeRequired e) {
            return new Explanation(Compilation.awaiting(text, probe(e, options.now())), "");
        } catch (DiagnosticsException e) {
            return failed(text, e.errors().stream().map(error -> error.fact().at(source, error.span())).toList());
        } catch (DiagnosticException e) {
            return failed(text, List.of(e.fact().at(source, e.span())));
        } catch (StackOverflowError e) {
            // a backstop: the parser limits nesting, but a pathological query must still end as a diagnostic
            return failed(text, List.of(DiagnosticFacts.tooComplex().at(source, new Span(0, text.length()))));
        }
    }

    /** The bound plan; with several results, each after a line naming its table. */
    private static String plans(Binder.BoundQuery bound) {
        if (bound.results().size() == 1) {
            return PlanPrinter.print(bound.plan());
        }
        StringBuilder text = new StringBuilder();
        bound.results().forEach(result -> text.append("-- ").append(result.name()).append('\n').append(PlanPrinter.print(result.plan())));
        return text.toString();
    }

    private static SchemaProbe probe(SchemaProbeRequired required, Instant now) {
        String input = SqlGenerator.generate(required.values(), now);
        int limit = SchemaProbeRequired.MAX_COLUMNS + 1;
        String sql = required.valueType()
                .map(type -> SchemaProbeSql.distinctValues(input, type, limit))
                .orElseGet(() -> SchemaProbeSql.bagProperties(input, limit));
        return new SchemaProbe(required.place(), required.operator(), sql);
    }

    private static Explanation failed(String text, List<KqlDiagnostic> diagnostics) {
        return new Explanation(new Compilation(text, diagnostics, List.of(), ""), "");
    }
}
