package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.SortOrder;
import dev.vigil.kql.syntax.NullsPlacement;
import dev.vigil.kql.syntax.SortDirection;
import dev.vigil.kql.syntax.SortKey;
import dev.vigil.kql.types.KqlType;

/** Kusto's ordering defaults: descending; nulls last when descending and first when ascending. */
final class SortKeys {
    private SortKeys() {
    }

    static SortOrder bind(SortKey key, Scope scope) {
        BoundExpression expression = ExpressionBinder.bindScalar(key.expression(), scope);
        if (expression.type() == KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.notSortable(expression.type()), key.expression().span());
        }
        boolean descending = key.direction().orElse(SortDirection.DESCENDING) == SortDirection.DESCENDING;
        boolean nullsFirst = key.nulls().map(n -> n == NullsPlacement.FIRST).orElse(!descending);
        return new SortOrder(expression, descending, nullsFirst);
    }
}
