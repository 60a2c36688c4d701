package dev.vigil.kql.syntax;

/** {@code target.name} or {@code target['name']}: a property of a dynamic value; {@code memberSpan} points at the name. */
public record MemberAccess(Expression target, String member, Span memberSpan, Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
