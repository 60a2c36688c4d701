package dev.vigil.kql.plan;

import dev.vigil.kql.bound.BoundExpression;

/**
 * One aggregate of {@code make-series}: its value per bin, and the value of bins without rows.
 *
 * @param aggregate a numeric aggregate over the rows of one group and bin
 * @param defaultValue a constant of the aggregate's type (possibly null)
 */
public record SeriesAggregate(String name, BoundExpression aggregate, BoundExpression defaultValue) {
}
