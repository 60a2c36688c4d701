package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.types.KqlType;
import java.util.Optional;

/**
 * {@code assert(condition, message)} is checked when the query is compiled: its arguments may not depend on the
 * row, and a condition that is the constant false is an error at the call. A condition computed from constants is
 * checked when the query runs (DuckDB's {@code error()}), since the binder does not fold constants.
 */
final class AssertCall {
    static final String NAME = "assert";

    private AssertCall() {
    }

    /** Checks the bound call; the call itself, or the constant true when the condition is one. */
    static BoundExpression check(FunctionCall call, BoundCall bound) {
        BoundExpression condition = bound.arguments().get(0);
        if (readsRow(condition) || readsRow(bound.arguments().get(1))) {
            throw new DiagnosticException(DiagnosticFacts.constantExpected(call.name(), "a condition and a message"), call.span());
        }
        Optional<Object> message = bound.arguments().get(1) instanceof BoundLiteral literal ? literal.value() : Optional.empty();
        if (condition instanceof BoundLiteral literal && literal.value().isPresent() && message.isPresent()) {
            if (!(Boolean) literal.value().get()) {
                throw new DiagnosticException(DiagnosticFacts.assertFailed((String) message.get()), call.span());
            }
            return BoundLiteral.of(true, KqlType.BOOL);
        }
        return bound;
    }

    private static boolean readsRow(BoundExpression expression) {
        return expression instanceof BoundColumn
                || expression instanceof BoundCall call && (call.function().isWindow() || call.arguments().stream().anyMatch(AssertCall::readsRow));
    }
}
