package dev.vigil.kql.syntax;

import java.util.List;

/** {@code source | operator | operator ...}. */
public record PipeExpression(TableReference source, List<QueryOperator> operators, Span span) {
    public PipeExpression {
        operators = List.copyOf(operators);
    }
}
