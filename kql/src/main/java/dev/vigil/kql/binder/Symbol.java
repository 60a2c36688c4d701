package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.StoredFunction;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.FunctionDefinition;
import java.util.Optional;

/** What a name declared by {@code let}, {@code as} or a function parameter stands for. */
sealed interface Symbol {

    /** A scalar value, inlined where the name is used. */
    record Scalar(BoundExpression value) implements Symbol {
    }

    /** A graph made by {@code make-graph} or {@code graph-merge}, for the graph operators that follow the name. */
    record Graph(dev.vigil.kql.plan.Graph graph) implements Symbol {
    }

    /** A table; every use refers to the same plan, so the SQL computes it once. */
    record Tabular(LogicalOperator plan) implements Symbol {
    }

    /**
     * A user function, bound anew at each call in the environment it was declared in.
     *
     * @param stored the workspace's definition when it is a stored function, whose spans count from its own text
     */
    record Function(String name, FunctionDefinition definition, Environment closure, Optional<StoredFunction> stored)
            implements Symbol {
    }
}
