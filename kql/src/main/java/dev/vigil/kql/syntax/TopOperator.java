package dev.vigil.kql.syntax;

/** {@code top count by key}. */
public record TopOperator(Expression count, SortKey key, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
