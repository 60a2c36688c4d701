package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code facet by Column [, Column ...] [with (Subquery)]}: a result table per column with the count of
 * each of its values, after the table of the {@code with} subquery over the input. It ends the query's
 * tabular statement.
 */
public record FacetOperator(List<Identifier> columns, Optional<TabularExpression> with, Span span) implements QueryOperator {
    public FacetOperator {
        columns = List.copyOf(columns);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
