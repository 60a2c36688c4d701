package dev.vigil.kql.syntax;

import java.util.List;

/** {@code sort by keys} (also spelled {@code order by}). */
public record SortOperator(List<SortKey> keys, Span span) implements QueryOperator {
    public SortOperator {
        keys = List.copyOf(keys);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
