package dev.vigil.kql.syntax;

import java.util.Optional;

/**
 * {@code partition [hint.strategy=native|shuffle|legacy] [hints] by Column (Subquery)}, whose subquery's
 * operators run on each partition's rows, or {@code partition [hint.strategy=legacy] by Column {Query}}, a
 * query with its own source in which {@code toscalar(Column)} is the partition's key.
 *
 * @param ownSource whether the subquery is the braced form with its own source
 */
public record PartitionOperator(Optional<Token> strategy, Identifier key, TabularExpression subquery, boolean ownSource, Span span)
        implements QueryOperator {
    @Override
    public <R> R accept(QueryOperatorVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
