package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** The rows for which the predicate is true (not false, not null). */
public record Filter(LogicalOperator input, BoundExpression predicate) implements LogicalOperator {
    @Override
    public List<ColumnSchema> schema() {
        return input.schema();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
