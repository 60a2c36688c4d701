package dev.vigil.kql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.diagnostics.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of compiling one query.
 *
 * @param diagnostics every error and warning, in text order
 * @param results the result tables in order, each its own DuckDB statement: one, or several when the query has several
 *     tabular statements or one ends with {@code fork}, {@code facet}, {@code evaluate funnel_sequence} or
 *     {@code evaluate preview}; none when there are errors. Run them in one snapshot so that they agree.
 * @param visualization what a {@code render} operator asked for, if the query has one
 * @param probe present when the compilation cannot finish before the data answers a question (the
 *     columns of {@code evaluate bag_unpack} or {@code pivot}); then there are no errors, no schema and no SQL
 */
public record Compilation(String text, List<KqlDiagnostic> diagnostics, List<ResultTable> results,
                          Optional<Visualization> visualization, Optional<SchemaProbe> probe) {
    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        results = List.copyOf(results);
        Objects.requireNonNull(visualization, "visualization");
        Objects.requireNonNull(probe, "probe");
    }

    /** A compilation with one result, {@code PrimaryResult}, or none when {@code sql} is empty. */
    public Compilation(String text, List<KqlDiagnostic> diagnostics, List<ColumnSchema> outputSchema, String sql,
                       Optional<Visualization> visualization) {
        this(text, diagnostics, sql.isEmpty() ? List.of() : List.of(new ResultTable("PrimaryResult", outputSchema, sql)),
                visualization, Optional.empty());
    }

    /** A compilation that waits for the data to tell it an operator's columns. */
    public static Compilation awaiting(String text, SchemaProbe probe) {
        return new Compilation(text, List.of(), List.of(), Optional.empty(), Optional.of(probe));
    }

    /** Whether {@link #probe()} must be run and the query compiled again before it can run. */
    public boolean needsProbe() {
        return probe.isPresent();
    }

    /** A compilation without visualization metadata. */
    public Compilation(String text, List<KqlDiagnostic> diagnostics, List<ColumnSchema> outputSchema, String sql) {
        this(text, diagnostics, outputSchema, sql, Optional.empty());
    }

    /** The columns of the first result, what callers that take one table read; empty when there is none. */
    public List<ColumnSchema> outputSchema() {
        return results.isEmpty() ? List.of() : results.get(0).schema();
    }

    /** The statement of the first result, what callers that take one table run; empty when there is none. */
    public String sql() {
        return results.isEmpty() ? "" : results.get(0).sql();
    }

    /** Whether the query gives more than one table, which callers that take one table must refuse or report. */
    public boolean hasSeveralResults() {
        return results.size() > 1;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<KqlDiagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }
}
