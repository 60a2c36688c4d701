package dev.vigil.kql.binder;

import dev.vigil.kql.plan.LogicalOperator;

/** One result table of a query: its name (as the query API reports it) and its plan. */
public record NamedResult(String name, LogicalOperator plan) {
    /** The name of a query's only result, as Log Analytics calls it. */
    public static final String PRIMARY = "PrimaryResult";
}
