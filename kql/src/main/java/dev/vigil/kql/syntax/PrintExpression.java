package dev.vigil.kql.syntax;

import java.util.List;

/** {@code print [Name =] expression, ...}: one row. */
public record PrintExpression(List<ColumnAssignment> columns, Span span) implements TabularExpression {
    public PrintExpression {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
