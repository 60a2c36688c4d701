package dev.vigil.kql.syntax;

import java.util.List;

/** {@code graph-merge RightGraph [on Conditions]}: the input graph and another merged into one. */
public record GraphMergeOperator(TabularExpression right, List<JoinCondition> conditions, Span span) implements QueryOperator {
    public GraphMergeOperator {
        conditions = List.copyOf(conditions);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
