package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.Filter;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.WhereOperator;
import dev.vigil.kql.types.KqlType;

/** {@code where}: the predicate must be a bool. */
final class WhereBinder {
    private WhereBinder() {
    }

    static LogicalOperator bind(WhereOperator where, LogicalOperator input, Environment environment) {
        BoundExpression predicate = ExpressionBinder.bindScalar(where.predicate(), Scope.of(input.schema(), environment));
        if (predicate.type() != KqlType.BOOL) {
            throw new DiagnosticException(DiagnosticFacts.typeExpected(KqlType.BOOL, predicate.type()), where.predicate().span());
        }
        return new Filter(input, predicate);
    }
}
