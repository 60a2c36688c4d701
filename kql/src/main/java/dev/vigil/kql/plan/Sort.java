package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** The input rows in order. */
public record Sort(LogicalOperator input, List<SortOrder> keys) implements LogicalOperator {
    public Sort {
        keys = List.copyOf(keys);
    }

    @Override
    public List<ColumnSchema> schema() {
        return input.schema();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
