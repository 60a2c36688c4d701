package dev.vigil.kql.syntax;

import java.util.List;

/** {@code datatable (Name:type, ...) [value, value, ...]}: the values fill the rows column by column. */
public record DatatableExpression(List<ColumnDeclaration> columns, List<Expression> values, Span span) implements TabularExpression {
    public DatatableExpression {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
