package dev.vigil.kql.syntax;

/**
 * {@code consume [decodeblocks = bool]}: reads the input and returns none of it to the caller. The
 * option (whether each value is decoded) changes only the cost, so it is kept for the text alone.
 */
public record ConsumeOperator(Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
