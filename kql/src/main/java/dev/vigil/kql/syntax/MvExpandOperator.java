package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code mv-expand [bagexpansion=bag|array] [with_itemindex=Name] items [limit n]}.
 *
 * @param legacy spelled {@code mvexpand}, whose default row limit is 128
 */
public record MvExpandOperator(Optional<Identifier> bagExpansion, Optional<Identifier> itemIndex, List<MvExpandItem> items,
                               Optional<Expression> limit, boolean legacy, Span span) implements QueryOperator {
    public MvExpandOperator {
        items = List.copyOf(items);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
