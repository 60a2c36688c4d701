package dev.vigil.workspace.api;

import dev.vigil.kql.diagnostics.KqlDiagnostic;
import java.util.List;

/** The query does not compile; the diagnostics say where and why. */
public final class KqlQueryException extends WorkspaceException {
    private final List<KqlDiagnostic> diagnostics;

    public KqlQueryException(List<KqlDiagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "the query is not valid KQL" : diagnostics.get(0).describe());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<KqlDiagnostic> diagnostics() {
        return diagnostics;
    }

    @Override
    public String code() {
        return "BadArgumentError";
    }
}
