package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.TopNestedOperator;

/** {@code top-nested}. */
final class TopNestedBinder {
    private TopNestedBinder() {
    }

    static LogicalOperator bind(TopNestedOperator operator, LogicalOperator input, Environment environment) {
        throw new DiagnosticException(DiagnosticFacts.notSupported("top-nested"), operator.span());
    }
}
