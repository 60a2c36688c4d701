package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** Constant rows: {@code datatable}, {@code print}, {@code getschema}. */
public record Values(List<ColumnSchema> columns, List<List<BoundExpression>> rows) implements LogicalOperator {
    public Values {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
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
