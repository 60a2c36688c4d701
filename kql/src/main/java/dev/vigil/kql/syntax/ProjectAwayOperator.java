package dev.vigil.kql.syntax;

import java.util.List;

/** {@code project-away}: every input column except those matching the patterns. */
public record ProjectAwayOperator(List<NamePattern> columns, Span span) implements QueryOperator {
    public ProjectAwayOperator {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
