package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code mv-apply [with_itemindex = I] items [limit n] on (subquery)}: for each row, the subquery runs over the rows that
 * {@code mv-expand items} would make from it, and its result rows replace the row.
 *
 * @param bagExpansion {@code bagexpansion=bag|array} for property bags, as mv-expand takes it
 * @param limit the most elements expanded from each row
 */
public record MvApplyOperator(List<MvExpandItem> items, Optional<Identifier> itemIndex, Optional<Identifier> bagExpansion,
                              Optional<Expression> limit, TabularExpression subquery, Span span)
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
