package dev.vigil.kql.syntax;

/** {@code take n} (also spelled {@code limit}). */
public record TakeOperator(Expression count, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
