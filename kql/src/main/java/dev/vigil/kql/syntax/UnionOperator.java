package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code union [kind=inner|outer] [withsource=Name] [isfuzzy=bool] legs}.
 *
 * @param legs the tables after the operator; as a pipe operator the input is the first leg
 */
public record UnionOperator(Optional<Identifier> kind, Optional<Identifier> withSource, boolean fuzzy,
                            List<TabularExpression> legs, Span span) implements QueryOperator {
    public UnionOperator {
        legs = List.copyOf(legs);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
