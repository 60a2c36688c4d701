package dev.vigil.kql.syntax;

/** {@code *} as an argument, as in {@code arg_max(TimeGenerated, *)}: every column of the input. */
public record AllColumns(Span span) implements Expression {
    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
