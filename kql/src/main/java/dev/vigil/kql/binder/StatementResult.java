package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;
import java.util.Objects;
import java.util.Optional;

/**
 * A result table as a tabular statement produces it, before the query names its results.
 *
 * @param name the name the query gives it ({@code fork}'s {@code Name =}, a final {@code as}), empty when it has none
 * @param wholeStatement whether it is the statement's whole output (a plain pipe), not one of the tables of {@code fork},
 *     {@code facet} or a plugin: a query's only result of that kind is {@code PrimaryResult} whatever its name
 */
record StatementResult(Optional<String> name, LogicalOperator plan, boolean wholeStatement) {
    StatementResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
    }

    /** One of several tables that one operator makes, with its own name or none. */
    static StatementResult part(Optional<String> name, LogicalOperator plan) {
        return new StatementResult(name, plan, false);
    }
}
