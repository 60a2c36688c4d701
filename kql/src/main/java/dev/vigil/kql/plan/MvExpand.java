package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;
import java.util.Optional;

/**
 * One row per element of the expanded arrays or bags (expanded in parallel, shorter ones padded with
 * null); the other columns are repeated.
 *
 * @param bagsAsArrays {@code bagexpansion=array}: a bag property becomes {@code [key, value]}, otherwise {@code {key: value}}
 * @param columns the output columns in order; those named by an expansion hold its elements
 */
public record MvExpand(LogicalOperator input, List<Expansion> expansions, boolean bagsAsArrays, Optional<String> itemIndex,
                       Optional<Long> limit, List<ColumnSchema> columns) implements LogicalOperator {
    public MvExpand {
        expansions = List.copyOf(expansions);
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
