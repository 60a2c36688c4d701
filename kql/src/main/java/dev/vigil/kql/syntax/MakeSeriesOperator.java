package dev.vigil.kql.syntax;

import java.util.List;
import java.util.Optional;

/**
 * {@code make-series [kind=nonempty] Agg [default=v], ... on Axis [from a] [to b] step s [by groups]}.
 *
 * @param aggregates the aggregates, each with the default for bins without rows
 * @param nonEmpty {@code kind=nonempty}: an empty input gives one row of defaults instead of none
 */
public record MakeSeriesOperator(List<MakeSeriesAggregate> aggregates, Expression axis, Optional<Expression> from,
                                 Optional<Expression> to, Expression step, List<ColumnAssignment> groups, boolean nonEmpty, Span span)
        implements QueryOperator {
    public MakeSeriesOperator {
        aggregates = List.copyOf(aggregates);
        groups = List.copyOf(groups);
    }

    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
