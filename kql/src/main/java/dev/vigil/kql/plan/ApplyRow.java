package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/**
 * The one row of the outer table that an {@code mv-apply} subquery runs for; only meaningful
 * inside {@link MvApply#subquery()}.
 */
public record ApplyRow(List<ColumnSchema> columns) implements LogicalOperator {
    public ApplyRow {
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
