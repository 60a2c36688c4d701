package dev.vigil.kql.sql;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;

/** Whether an expression uses a window function, which SQL allows in QUALIFY but not in WHERE. */
final class WindowCalls {
    private WindowCalls() {
    }

    static boolean contains(BoundExpression expression) {
        return expression instanceof BoundCall call
                && (call.function().isWindow() || call.arguments().stream().anyMatch(WindowCalls::contains));
    }
}
