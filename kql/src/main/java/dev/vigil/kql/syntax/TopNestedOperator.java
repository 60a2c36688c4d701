package dev.vigil.kql.syntax;

import java.util.List;

/** {@code top-nested n of Key by Aggregate [asc|desc], top-nested ...}. */
public record TopNestedOperator(List<TopNestedLevel> levels, Span span) implements QueryOperator {
    public TopNestedOperator {
        levels = List.copyOf(levels);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
