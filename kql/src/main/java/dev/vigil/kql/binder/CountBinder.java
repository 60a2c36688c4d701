package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.plan.Aggregate;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.syntax.CountOperator;
import java.util.List;

/** {@code count}: one row, one long column named {@code Count}. */
final class CountBinder {
    private CountBinder() {
    }

    static LogicalOperator bind(CountOperator count, LogicalOperator input) {
        FunctionDeclaration countFunction = FunctionRegistry.function("count").orElseThrow();
        BoundCall call = new BoundCall(countFunction, countFunction.signatures().get(0), List.of());
        return new Aggregate(input, List.of(), List.of(new OutputColumn("Count", call)));
    }
}
