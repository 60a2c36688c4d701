package dev.vigil.kql.syntax;

/** {@code range Name from start to stop step step}. */
public record RangeExpression(Identifier name, Expression from, Expression to, Expression step, Span span)
        implements TabularExpression {
    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
