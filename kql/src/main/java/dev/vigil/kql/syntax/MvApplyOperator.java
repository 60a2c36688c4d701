package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code mv-apply items on (subquery)}: for each row, the subquery runs over the rows that
 * {@code mv-expand items} would make from it, and its result rows replace the row.
 */
public record MvApplyOperator(List<MvExpandItem> items, Optional<Identifier> itemIndex, TabularExpression subquery, Span span)
        implements QueryOperator {
    /** The name the subquery's implicit source has: the rows expanded from one input row. */
    public static final String ROWS = "$rows";

    public MvApplyOperator {
        items = List.copyOf(items);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
