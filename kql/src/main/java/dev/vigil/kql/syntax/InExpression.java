package dev.vigil.kql.syntax;

import java.util.List;

/** {@code left in (values)} or {@code left !in (values)}. */
public record InExpression(Expression left, boolean negated, Span operatorSpan, List<Expression> values, Span span)
        implements Expression {
    public InExpression {
        values = List.copyOf(values);
    }
}
