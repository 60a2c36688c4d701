package dev.vigil.kql.binder;

import dev.vigil.kql.plan.Graph;
import dev.vigil.kql.plan.LogicalOperator;
import java.util.Optional;

/** What a tabular expression gives: a table, or a graph that only graph operators may follow. Exactly one is present. */
record PipeValue(Optional<LogicalOperator> table, Optional<Graph> graph) {
    static PipeValue of(LogicalOperator table) {
        return new PipeValue(Optional.of(table), Optional.empty());
    }

    static PipeValue of(Graph graph) {
        return new PipeValue(Optional.empty(), Optional.of(graph));
    }
}
