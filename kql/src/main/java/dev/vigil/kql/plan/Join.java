package dev.vigil.kql.plan;

import dev.vigil.kql.catalog.ColumnSchema;
import java.util.List;
import java.util.Optional;

/**
 * Rows of the left and right inputs matched on equal keys, and on an address match when there is one. With
 * {@code innerunique} the left input keeps one row per key first, as Kusto does.
 */
public record Join(LogicalOperator left, LogicalOperator right, JoinKind kind, List<JoinKey> keys, List<JoinColumn> columns,
                   Optional<AddressMatch> addressMatch) implements LogicalOperator {
    public Join {
        keys = List.copyOf(keys);
        columns = List.copyOf(columns);
    }

    public Join(LogicalOperator left, LogicalOperator right, JoinKind kind, List<JoinKey> keys, List<JoinColumn> columns) {
        this(left, right, kind, keys, columns, Optional.empty());
    }

    @Override
    public List<ColumnSchema> schema() {
        return columns.stream().map(JoinColumn::schema).toList();
    }

    @Override
    public <R> R accept(PlanVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
