package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;

/** {@code evaluate pivot(...)}. */
final class PivotBinder {
    private PivotBinder() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        throw new DiagnosticException(DiagnosticFacts.notSupported("evaluate pivot"), evaluate.plugin().span());
    }
}
