package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** {@code range}: one column of values from {@code from} to {@code to} inclusive, {@code step} apart. */
public record RangeSource(String name, BoundExpression from, BoundExpression to, BoundExpression step) implements LogicalOperator {
    @Override
    public List<ColumnSchema> schema() {
        return List.of(new ColumnSchema(name, from.type()));
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
