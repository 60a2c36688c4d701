package dev.vigil.kql.syntax;

/** A call whose value is a table: a {@code let} function, a stored function or {@code materialize(...)}. */
public record TabularFunctionCall(FunctionCall call) implements TabularExpression {
    @Override
    public Span span() {
        return call.span();
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
