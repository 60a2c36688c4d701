package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code evaluate pivot}: one row per distinct combination of the {@code groups} columns, and one
 * column per declared value of {@code key}, holding {@code aggregate} over the rows with that value.
 *
 * @param key the pivoted value as a string
 * @param values the declared value columns, named by the key value they hold
 */
public record Pivot(LogicalOperator input, BoundExpression key, BoundExpression aggregate, List<ColumnSchema> groups,
                    List<ColumnSchema> values) implements LogicalOperator {
    public Pivot {
        groups = List.copyOf(groups);
        values = List.copyOf(values);
    }

    @Override
    public List<ColumnSchema> schema() {
        List<ColumnSchema> columns = new ArrayList<>(groups);
        columns.addAll(values);
        return List.copyOf(columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
