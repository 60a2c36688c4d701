package dev.vigil.kql.syntax;

/** {@code value between (low .. high)} or {@code value !between (low .. high)}; both ends are included. */
public record BetweenExpression(Expression value, boolean negated, Span operatorSpan, Expression low, Expression high, Span span)
        implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
