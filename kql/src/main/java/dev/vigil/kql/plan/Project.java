package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;

/** Exactly these columns, computed per row ({@code project}, and {@code extend} with the input columns kept). */
public record Project(LogicalOperator input, List<OutputColumn> columns) implements LogicalOperator {
    public Project {
        columns = List.copyOf(columns);
    }

    @Override
    public List<ColumnSchema> schema() {
        return columns.stream().map(OutputColumn::schema).toList();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
