package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;

/** One ordering key with Kusto's defaults already applied. */
public record SortOrder(BoundExpression expression, boolean descending, boolean nullsFirst) {
}
