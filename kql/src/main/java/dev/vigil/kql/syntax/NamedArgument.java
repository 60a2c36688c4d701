package dev.vigil.kql.syntax;

/**
 * {@code name = value} in a call's argument list, as in {@code _Im_Dns(starttime=ago(1h))}: the
 * value goes to the parameter of that name, whatever its position.
 */
public record NamedArgument(Identifier name, Expression value, Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
