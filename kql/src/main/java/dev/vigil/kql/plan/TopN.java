package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** The first {@code count} rows in the given order. */
public record TopN(LogicalOperator input, long count, List<SortOrder> keys) implements LogicalOperator {
    public TopN {
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
