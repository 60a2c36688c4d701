package dev.vigil.kql.syntax;

/** {@code union ...} at the start of a pipe, with no input of its own. */
public record UnionExpression(UnionOperator union) implements TabularExpression {
    @Override
    public Span span() {
        return union.span();
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
