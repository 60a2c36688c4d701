package dev.vigil.kql.syntax;

/** A typed null such as {@code datetime(null)}, {@code long(null)} or {@code guid(null)}. */
public record NullLiteral(LiteralKind kind, Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
