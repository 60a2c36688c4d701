package dev.vigil.kql.syntax;

import java.util.List;

/**
 * {@code fork [Name =] (Subquery) [Name =] (Subquery) ...}: each subquery's operators run on the
 * input and give a result table of their own. It ends the query's tabular statement.
 */
public record ForkOperator(List<ForkBranch> branches, Span span) implements QueryOperator {
    public ForkOperator {
        branches = List.copyOf(branches);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
