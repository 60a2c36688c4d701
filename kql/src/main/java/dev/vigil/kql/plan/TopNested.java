package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code top-nested}: hierarchical aggregation, two columns per level (the value, then its
 * aggregate). The input carries each level's key as a column ({@link NestedLevel#keyColumn()}).
 */
public record TopNested(LogicalOperator input, List<NestedLevel> levels, List<ColumnSchema> columns) implements LogicalOperator {
    public TopNested {
        levels = List.copyOf(levels);
        columns = List.copyOf(columns);
    }

    @Override
    public List<ColumnSchema> schema() {
        return columns;
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
