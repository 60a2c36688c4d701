package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/** {@code lookup [kind=leftouter|inner] (dimension) on conditions}. */
public record LookupOperator(Optional<Identifier> kind, TabularExpression right, List<JoinCondition> conditions, Span span)
        implements QueryOperator {
    public LookupOperator {
        conditions = List.copyOf(conditions);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
