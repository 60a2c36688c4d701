package dev.vigil.kql.syntax;

/** Prefix {@code -x} or {@code +x}. */
public record UnaryExpression(boolean negate, Expression operand, Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
