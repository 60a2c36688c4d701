package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.MvApplyOperator;

/** {@code mv-apply}. */
final class MvApplyBinder {
    private MvApplyBinder() {
    }

    static LogicalOperator bind(MvApplyOperator operator, LogicalOperator input, Environment environment) {
        throw new DiagnosticException(DiagnosticFacts.notSupported("mv-apply"), operator.span());
    }
}
