package dev.vigil.kql.syntax;

/**
 * A {@code let} value written as an expression. Whether it is a scalar or a table is decided by the
 * binder: {@code let x = T;} binds a table when {@code T} names one.
 */
public record LetExpression(Expression expression) implements LetValue {
    @Override
    public Span span() {
        return expression.span();
    }
}
