package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.RangeSource;
import dev.vigil.kql.syntax.RangeExpression;
import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * {@code range x from a to b step s}: numbers (the wider of {@code a} and {@code b}), datetimes with
 * a timespan step, or timespans. A constant zero step is an error.
 */
final class RangeBinder {
    private RangeBinder() {
    }

    static LogicalOperator bind(RangeExpression range, Environment environment) {
        Scope scope = Scope.of(List.of(), environment);
        BoundExpression from = ExpressionBinder.bindScalar(range.from(), scope);
        BoundExpression to = ExpressionBinder.bindScalar(range.to(), scope);
        BoundExpression step = ExpressionBinder.bindScalar(range.step(), scope);
        KqlType type;
        if (from.type().isNumeric() && to.type().isNumeric() && step.type().isNumeric()) {
            type = wider(wider(from.type(), to.type()), step.type());
        } else if (from.type() == KqlType.DATETIME && to.type() == KqlType.DATETIME && step.type() == KqlType.TIMESPAN) {
            type = KqlType.DATETIME;
        } else if (from.type() == KqlType.TIMESPAN && to.type() == KqlType.TIMESPAN && step.type() == KqlType.TIMESPAN) {
            type = KqlType.TIMESPAN;
        } else {
            throw new DiagnosticException(DiagnosticFacts.rangeTypes(from.type(), to.type(), step.type()), range.span());
        }
        if (step instanceof BoundLiteral literal && literal.value().isPresent()
                && ((Number) literal.value().get()).doubleValue() == 0) {
            throw new DiagnosticException(DiagnosticFacts.rangeZeroStep(), range.step().span());
        }
        if (type != KqlType.DATETIME) {
            from = Conversions.to(type, from);
            to = Conversions.to(type, to);
            step = Conversions.to(type, step);
        }
        return new RangeSource(range.name().name(), from, to, step);
    }

    private static KqlType wider(KqlType a, KqlType b) {
        List<KqlType> order = List.of(KqlType.INT, KqlType.LONG, KqlType.DECIMAL, KqlType.REAL);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }
}
