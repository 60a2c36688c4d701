package dev.vigil.kql.syntax;

import java.util.List;

/** {@code summarize aggregates [by groups]}. */
public record SummarizeOperator(List<ColumnAssignment> aggregates, List<ColumnAssignment> groups, Span span)
        implements QueryOperator {
    public SummarizeOperator {
        aggregates = List.copyOf(aggregates);
        groups = List.copyOf(groups);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
