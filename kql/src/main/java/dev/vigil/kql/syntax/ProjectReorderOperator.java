package dev.vigil.kql.syntax;

import java.util.List;

/** {@code project-reorder}: the listed columns first, in that order, then the rest as they were. */
public record ProjectReorderOperator(List<ReorderKey> keys, Span span) implements QueryOperator {
    public ProjectReorderOperator {
        keys = List.copyOf(keys);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
