package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Sort;
import dev.vigil.kql.syntax.SortOperator;

/** {@code sort by} / {@code order by}. */
final class SortBinder {
    private SortBinder() {
    }

    static LogicalOperator bind(SortOperator sort, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        return new Sort(input, sort.keys().stream().map(k -> SortKeys.bind(k, scope)).toList());
    }
}
