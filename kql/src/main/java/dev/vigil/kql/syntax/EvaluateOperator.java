package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code evaluate plugin(args) [: (Col:type, ...)]}.
 *
 * @param outputSchema the declared output columns, needed by plugins whose columns depend on the data
 */
public record EvaluateOperator(FunctionCall plugin, Optional<List<ColumnDeclaration>> outputSchema, Span span)
        implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
