package dev.vigil.kql.syntax;

import java.util.List;

/** {@code left in (values)} and the other list operators ({@code in~}, {@code has_any}, {@code has_all}), possibly negated. */
public record InExpression(Expression left, ListOperator operator, boolean negated, Span operatorSpan, List<Expression> values, Span span)
        implements Expression {
    public InExpression {
        values = List.copyOf(values);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
