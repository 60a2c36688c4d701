package dev.vigil.kql.syntax;

import java.util.List;

/** {@code source | operator | operator ...}; the source may itself be a parenthesized pipe. */
public record PipeExpression(TabularExpression source, List<QueryOperator> operators, Span span) implements TabularExpression {
    public PipeExpression {
        operators = List.copyOf(operators);
    }

    @Override
    public <R> R accept(TabularExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
