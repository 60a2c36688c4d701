package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code join [kind=...] [hints] (right) on conditions}.
 *
 * @param kind as written, or empty for the default {@code innerunique}
 */
public record JoinOperator(Optional<Identifier> kind, TabularExpression right, List<JoinCondition> conditions, Span span)
        implements QueryOperator {
    public JoinOperator {
        conditions = List.copyOf(conditions);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
