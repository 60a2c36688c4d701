package dev.vigil.kql.binder;

import dev.vigil.kql.plan.Limit;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.TakeOperator;

/** {@code take n} / {@code limit n}. */
final class TakeBinder {
    private TakeBinder() {
    }

    static LogicalOperator bind(TakeOperator take, LogicalOperator input, Environment environment) {
        return new Limit(input, ExpressionBinder.bindRowCount(take.count(), Scope.of(input.schema(), environment)));
    }
}
