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
 * @param outputSchema the columns of the primary result; empty when there are errors
 * @param sql one DuckDB statement producing the primary result; empty when there are errors
 * @param visualization what a {@code render} operator asked for, if the query has one
 * @param probe present when the compilation cannot finish before the data answers a question (the
 *     columns of {@code evaluate bag_unpack} or {@code pivot}); then there are no errors, no schema and no SQL
 */
public record Compilation(String text, List<KqlDiagnostic> diagnostics, List<ColumnSchema> outputSchema, String sql,
                          Optional<Visualization> visualization, Optional<SchemaProbe> probe) {
    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        outputSchema = List.copyOf(outputSchema);
        Objects.requireNonNull(visualization, "visualization");
        Objects.requireNonNull(probe, "probe");
    }

    public Compilation(String text, List<KqlDiagnostic> diagnostics, List<ColumnSchema> outputSchema, String sql,
                       Optional<Visualization> visualization) {
        this(text, diagnostics, outputSchema, sql, visualization, Optional.empty());
    }

    /** A compilation that waits for the data to tell it an operator's columns. */
    public static Compilation awaiting(String text, SchemaProbe probe) {
        return new Compilation(text, List.of(), List.of(), "", Optional.empty(), Optional.of(probe));
    }

    /** Whether {@link #probe()} must be run and the query compiled again before it can run. */
    public boolean needsProbe() {
        return probe.isPresent();
    }

    /** A compilation without visualization metadata. */
    public Compilation(String text, List<KqlDiagnostic> diagnostics, List<ColumnSchema> outputSchema, String sql) {
        this(text, diagnostics, outputSchema, sql, Optional.empty());
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<KqlDiagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }
}
