package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.TopN;
import dev.vigil.kql.syntax.TopOperator;
import java.util.List;

/** {@code top n by key}: the same as sort then take. */
final class TopBinder {
    private TopBinder() {
    }

    static LogicalOperator bind(TopOperator top, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        long count = ExpressionBinder.bindRowCount(top.count(), scope);
        return new TopN(input, count, List.of(SortKeys.bind(top.key(), scope)));
    }
}
