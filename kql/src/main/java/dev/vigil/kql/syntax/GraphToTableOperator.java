package dev.vigil.kql.syntax;

import java.util.List;

/** {@code graph-to-table nodes [...] | edges [...] | nodes as N [...], edges as E [...]}: one or two tables of a graph. */
public record GraphToTableOperator(List<GraphTableOutput> outputs, Span span) implements QueryOperator {
    public GraphToTableOperator {
        outputs = List.copyOf(outputs);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
