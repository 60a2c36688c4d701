package dev.vigil.kql.syntax;

import java.util.List;

/** {@code project-keep}: only the input columns matching the patterns, in input order. */
public record ProjectKeepOperator(List<NamePattern> columns, Span span) implements QueryOperator {
    public ProjectKeepOperator {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
