package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.ArrayList;
import java.util.List;

/** One row per distinct group: the group columns first, then the aggregates, as {@code summarize} orders them. */
public record Aggregate(LogicalOperator input, List<OutputColumn> groups, List<OutputColumn> aggregates) implements LogicalOperator {
    public Aggregate {
        groups = List.copyOf(groups);
        aggregates = List.copyOf(aggregates);
    }

    @Override
    public List<ColumnSchema> schema() {
        List<ColumnSchema> columns = new ArrayList<>();
        groups.forEach(g -> columns.add(g.schema()));
        aggregates.forEach(a -> columns.add(a.schema()));
        return List.copyOf(columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
