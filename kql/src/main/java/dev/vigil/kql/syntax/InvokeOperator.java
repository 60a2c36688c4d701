package dev.vigil.kql.syntax;

/** {@code invoke f(args)}: calls a tabular function with the input as its first argument. */
public record InvokeOperator(FunctionCall call, Span span) implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
