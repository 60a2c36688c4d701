package dev.vigil.kql.syntax;

/** {@code getschema}: one row per input column. */
public record GetSchemaOperator(Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
