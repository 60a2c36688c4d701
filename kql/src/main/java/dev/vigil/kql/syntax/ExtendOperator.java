package dev.vigil.kql.syntax;

import java.util.List;

/** {@code extend a = expr, ...}. */
public record ExtendOperator(List<ColumnAssignment> columns, Span span) implements QueryOperator {
    public ExtendOperator {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
