package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mv-apply}: for each input row, {@code subquery} runs over the rows expanded from it (its
 * leaf is an {@link ApplyRow}), and its result rows replace the row. The output holds the input
 * columns listed in {@code kept}, then the subquery's columns.
 */
public record MvApply(LogicalOperator input, LogicalOperator subquery, List<String> kept) implements LogicalOperator {
    public MvApply {
        kept = List.copyOf(kept);
    }

    @Override
    public List<ColumnSchema> schema() {
        List<ColumnSchema> columns = new ArrayList<>();
        for (String name : kept) {
            input.schema().stream().filter(c -> c.name().equals(name)).forEach(columns::add);
        }
        columns.addAll(subquery.schema());
        return List.copyOf(columns);
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
