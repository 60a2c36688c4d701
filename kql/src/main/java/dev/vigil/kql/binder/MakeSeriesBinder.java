package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.MakeSeriesOperator;

/** {@code make-series}. */
final class MakeSeriesBinder {
    private MakeSeriesBinder() {
    }

    static LogicalOperator bind(MakeSeriesOperator operator, LogicalOperator input, Environment environment) {
        throw new DiagnosticException(DiagnosticFacts.notSupported("make-series"), operator.span());
    }
}
