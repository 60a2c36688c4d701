package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.InvokeOperator;
import java.util.Optional;

/** {@code invoke f(args)}: {@code f} called with the input as its first (tabular) argument. */
final class InvokeBinder {
    private InvokeBinder() {
    }

    static LogicalOperator bind(InvokeOperator invoke, LogicalOperator input, Environment environment) {
        String name = invoke.call().name();
        Symbol.Function function = UserFunctions.find(name, environment, invoke.call().nameSpan())
                .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownTabularFunction(name), invoke.call().nameSpan()));
        Symbol result = UserFunctions.invoke(function, invoke.call().arguments(), Optional.of(input),
                Scope.of(input.schema(), environment), invoke.call().span());
        if (result instanceof Symbol.Tabular tabular) {
            return tabular.plan();
        }
        throw new DiagnosticException(DiagnosticFacts.functionNotTabular(name), invoke.call().nameSpan());
    }
}
