package dev.vigil.kql.syntax;

/** {@code target[index]}: an array element (negative indexes count from the end) or, with a string, a property. */
public record ElementAccess(Expression target, Expression index, Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
