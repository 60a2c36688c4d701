package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.syntax.FunctionCall;
import java.util.Optional;

/** Binds the graph functions of a {@code graph-match} expression ({@code all()}, {@code map()}, {@code node_degree_in()}, ...); empty for other calls. */
interface GraphCalls {
    Optional<BoundExpression> bind(FunctionCall call);
}
