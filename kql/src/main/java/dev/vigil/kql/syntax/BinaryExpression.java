package dev.vigil.kql.syntax;

/** {@code left op right}; {@code operatorSpan} points at the operator. */
public record BinaryExpression(BinaryOperator operator, Span operatorSpan, Expression left, Expression right, Span span)
        implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
