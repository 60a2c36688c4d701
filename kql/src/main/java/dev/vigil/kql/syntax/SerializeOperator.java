package dev.vigil.kql.syntax;

import java.util.List;

/** {@code serialize [Name = expression, ...]}: marks the rows as ordered, so window functions may follow. */
public record SerializeOperator(List<ColumnAssignment> columns, Span span) implements QueryOperator {
    public SerializeOperator {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
