package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Sample;
import dev.vigil.kql.syntax.SampleDistinctOperator;
import dev.vigil.kql.syntax.SampleOperator;
import java.util.List;

/** {@code sample n}: n rows at random; {@code sample-distinct n of Column}: up to n distinct values of the column. */
final class SampleBinder {
    private SampleBinder() {
    }

    static LogicalOperator bind(SampleOperator sample, LogicalOperator input, Environment environment) {
        return new Sample(input, ExpressionBinder.bindRowCount(sample.count(), Scope.of(input.schema(), environment)));
    }

    static LogicalOperator bindDistinct(SampleDistinctOperator sample, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        long count = ExpressionBinder.bindRowCount(sample.count(), scope);
        BoundExpression column = ExpressionBinder.bindScalar(sample.column(), scope);
        String name = new ColumnNames().nameFor(sample.column());
        return new Sample(new Aggregate(input, List.of(new OutputColumn(name, column)), List.of()), count);
    }
}
