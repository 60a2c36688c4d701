package dev.vigil.kql;

import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.KqlDiagnostic;
import dev.vigil.kql.diagnostics.Severity;
import java.util.List;

/**
 * The outcome of compiling one query.
 *
 * @param diagnostics every error and warning, in text order
 * @param outputSchema the columns of the primary result; empty when there are errors
 * @param sql one DuckDB statement producing the primary result; empty when there are errors
 */
public record Compilation(String text, List<KqlDiagnostic> diagnostics, List<ColumnSchema> outputSchema, String sql) {
    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        outputSchema = List.copyOf(outputSchema);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<KqlDiagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }
}
