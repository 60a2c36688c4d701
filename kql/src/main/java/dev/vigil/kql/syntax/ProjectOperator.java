package dev.vigil.kql.syntax;

import java.util.List;

/** {@code project a, b = expr, ...}. */
public record ProjectOperator(List<ColumnAssignment> columns, Span span) implements QueryOperator {
    public ProjectOperator {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
