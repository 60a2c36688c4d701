package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import java.util.List;

/**
 * {@code evaluate preview(NumberOfRows)}: the first rows of the input. Kusto also returns a second table with the
 * total count; a Vigil query has one result, so only the rows come back.
 */
final class PreviewPlugin {
    static final String NAME = "preview";

    private PreviewPlugin() {
    }

    static LogicalOperator bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        if (evaluate.plugin().arguments().size() != 1) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(1)), evaluate.plugin().span());
        }
        return new Limit(input, ExpressionBinder.bindRowCount(evaluate.plugin().arguments().get(0), Scope.of(List.of(), environment)));
    }
}
