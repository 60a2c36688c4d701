package dev.vigil.kql.syntax;

/** {@code sample-distinct n of Column}: up to n distinct values of one column. */
public record SampleDistinctOperator(Expression count, Expression column, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
