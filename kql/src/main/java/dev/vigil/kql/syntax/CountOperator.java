package dev.vigil.kql.syntax;

/** {@code count}: one row with the number of input rows. */
public record CountOperator(Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
