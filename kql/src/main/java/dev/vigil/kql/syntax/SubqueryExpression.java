package dev.vigil.kql.syntax;

/**
 * A tabular expression where a scalar expression is expected: {@code x in (T | project y)},
 * {@code toscalar(T | count)}, {@code materialize(T | ...)}.
 */
public record SubqueryExpression(TabularExpression tabular, Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
