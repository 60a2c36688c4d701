package dev.vigil.kql.syntax;

/** {@code sample n}: n rows picked at random. */
public record SampleOperator(Expression count, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
