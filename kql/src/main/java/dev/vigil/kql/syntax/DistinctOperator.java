package dev.vigil.kql.syntax;

import java.util.List;

/** {@code distinct columns} or {@code distinct *}: one row per distinct combination. */
public record DistinctOperator(List<ColumnAssignment> columns, boolean allColumns, Span span) implements QueryOperator {
    public DistinctOperator {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
