package dev.vigil.kql.bound;

/**
 * A table computed by a plan, as seen from a scalar expression that uses one ({@code toscalar},
 * {@code in (subquery)}). Implemented by the logical plan, which this package does not depend on.
 */
public interface TabularValue {
}
