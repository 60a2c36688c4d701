package dev.vigil.kql.syntax;

/** {@code as Name}: names the input for later statements and operators; the rows pass unchanged. */
public record AsOperator(Identifier name, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
