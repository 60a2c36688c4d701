package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.DistinctOperator;
import java.util.ArrayList;
import java.util.List;

/** {@code distinct}: a grouping with no aggregates, over the listed columns or all of them. */
final class DistinctBinder {
    private DistinctBinder() {
    }

    static LogicalOperator bind(DistinctOperator distinct, LogicalOperator input, Environment environment) {
        if (distinct.allColumns()) {
            return new Aggregate(input, input.schema().stream().map(ProjectAwayBinder::same).toList(), List.of());
        }
        Scope scope = Scope.of(input.schema(), environment);
        ColumnNames names = new ColumnNames();
        distinct.columns().forEach(c -> c.name().ifPresent(n -> names.take(n.name())));
        List<OutputColumn> groups = new ArrayList<>();
        for (ColumnAssignment column : distinct.columns()) {
            BoundExpression expression = ExpressionBinder.bindScalar(column.expression(), scope);
            groups.add(new OutputColumn(column.name().map(n -> n.name()).orElseGet(() -> names.nameFor(column.expression())), expression));
        }
        return new Aggregate(input, groups, List.of());
    }
}
