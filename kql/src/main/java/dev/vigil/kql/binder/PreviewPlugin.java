package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.CountOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import java.util.List;

/**
 * {@code evaluate preview(NumberOfRows)}: two result tables, the first rows of the input ({@code take}) and the number
 * of its rows ({@code count}), so it can only end a tabular statement, as Kusto requires.
 */
final class PreviewPlugin {
    static final String NAME = "preview";

    private PreviewPlugin() {
    }

    static List<LogicalOperator> bind(EvaluateOperator evaluate, LogicalOperator input, Environment environment) {
        if (evaluate.plugin().arguments().size() != 1) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(NAME, List.of(1)), evaluate.plugin().span());
        }
        LogicalOperator rows = new Limit(input, ExpressionBinder.bindRowCount(evaluate.plugin().arguments().get(0), Scope.of(List.of(), environment)));
        return List.of(rows, Binder.bindOperator(new CountOperator(evaluate.span()), input, environment));
    }
}
