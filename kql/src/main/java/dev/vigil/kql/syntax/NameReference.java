package dev.vigil.kql.syntax;

/** A column (or later: variable) referenced by name, plain or as {@code ['name']}. */
public record NameReference(String name, Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
