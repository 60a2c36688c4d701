package dev.vigil.kql.syntax;

/** {@code search ...} at the start of a pipe: over the named tables, or every table. */
public record SearchExpression(SearchOperator search) implements TabularExpression {
    @Override
    public Span span() {
        return search.span();
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
