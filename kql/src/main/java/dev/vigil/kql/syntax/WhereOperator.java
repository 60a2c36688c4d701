package dev.vigil.kql.syntax;

/** {@code where predicate} (also spelled {@code filter}). */
public record WhereOperator(Expression predicate, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
