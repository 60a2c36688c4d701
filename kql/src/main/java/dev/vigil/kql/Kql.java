package dev.vigil.kql;

import dev.vigil.kql.binder.Binder;
import dev.vigil.kql.binder.TimeFilter;
import dev.vigil.kql.catalog.Catalog;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.sql.SqlGenerator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.SourceText;
import dev.vigil.kql.syntax.Span;
import java.util.List;
import java.util.Optional;

/**
 * The one entry point of the KQL module: text in, positioned diagnostics, the output schema and
 * DuckDB SQL out. Compilation never throws for bad input; every problem is a diagnostic.
 */
public final class Kql {
    private Kql() {
    }

    public static Compilation compile(String text, Catalog catalog, CompileOptions options) {
        SourceText source = new SourceText(text);
        try {
            Query query = KqlParser.parse(text);
            Optional<TimeFilter> timeFilter = options.timeRange().map(r -> new TimeFilter(r.start(), r.end()));
            Binder.BoundQuery bound = Binder.bindQuery(query, catalog, timeFilter);
            String sql = SqlGenerator.generate(bound.plan(), options.now());
            return new Compilation(text, List.of(), bound.plan().schema(), sql, bound.visualization());
        } catch (DiagnosticException e) {
            return new Compilation(text, List.of(e.fact().at(source, e.span())), List.of(), "");
        } catch (StackOverflowError e) {
            // a backstop: the parser limits nesting, but a pathological query must still end as a diagnostic
            return new Compilation(text, List.of(DiagnosticFacts.tooComplex().at(source, new Span(0, text.length()))), List.of(), "");
        }
    }
}
