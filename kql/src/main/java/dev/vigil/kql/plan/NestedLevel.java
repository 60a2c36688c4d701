package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;
import java.util.Optional;

/**
 * One level of {@code top-nested}: the values of {@code keyColumn} (a column of the operator's
 * input), ranked within the level above by {@code aggregate}.
 *
 * @param count how many values to keep per parent; empty keeps all
 * @param others the key of the row that aggregates the values not kept, if asked for
 */
public record NestedLevel(String keyName, String keyColumn, String aggregateName, BoundExpression aggregate, Optional<Long> count,
                          Optional<BoundExpression> others, boolean ascending) {
}
