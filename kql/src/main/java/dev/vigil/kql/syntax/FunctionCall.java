package dev.vigil.kql.syntax;

import java.util.List;

/** {@code name(arguments)}; {@code nameSpan} points at the name alone. */
public record FunctionCall(String name, Span nameSpan, List<Expression> arguments, Span span) implements Expression {
    public FunctionCall {
        arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
