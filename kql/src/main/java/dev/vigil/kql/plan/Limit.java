package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** At most {@code count} rows. */
public record Limit(LogicalOperator input, long count) implements LogicalOperator {
    @Override
    public List<ColumnSchema> schema() {
        return input.schema();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
