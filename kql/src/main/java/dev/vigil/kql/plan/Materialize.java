package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** {@code materialize(...)}: the input computed once and kept for every use in the query. */
public record Materialize(LogicalOperator input) implements LogicalOperator {
    @Override
    public List<ColumnSchema> schema() {
        return input.schema();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
