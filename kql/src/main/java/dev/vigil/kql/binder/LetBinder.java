package dev.vigil.kql.binder;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.FunctionDefinition;
import dev.vigil.kql.syntax.LetExpression;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.LetTabular;
import dev.vigil.kql.syntax.LetValue;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.SubqueryExpression;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.TabularFunctionCall;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code let}: binds the value once and declares the name for what follows. A value written as an
 * expression is a table when it names or calls one, and a scalar otherwise.
 */
final class LetBinder {
    private LetBinder() {
    }

    static void bind(LetStatement let, Environment environment) {
        environment.define(let.name().name(), value(let.name().name(), let.value(), environment));
    }

    static Symbol value(String name, LetValue value, Environment environment) {
        if (value instanceof FunctionDefinition definition) {
            return new Symbol.Function(name, definition, environment, Optional.empty());
        }
        if (value instanceof LetTabular tabular) {
            return tabularSymbol(TabularBinder.value(tabular.tabular(), environment));
        }
        Expression expression = ((LetExpression) value).expression();
        if (isTabular(expression, environment)) {
            return tabularSymbol(TabularBinder.value(asTabular(expression), environment));
        }
        if (expression instanceof FunctionCall call) {
            Optional<Symbol.Function> function = UserFunctions.find(call.name(), environment, call.nameSpan());
            if (function.isPresent()) {
                return UserFunctions.invoke(function.get(), call.arguments(), Optional.empty(), Scope.of(List.of(), environment),
                        call.span());
            }
        }
        return new Symbol.Scalar(ExpressionBinder.bindScalar(expression, Scope.of(List.of(), environment)));
    }

    private static Symbol tabularSymbol(PipeValue value) {
        return value.graph().<Symbol>map(Symbol.Graph::new).orElseGet(() -> new Symbol.Tabular(value.table().get()));
    }

    /** True when the expression, by what its name refers to, is a table. */
    static boolean isTabular(Expression expression, Environment environment) {
        return isTabular(expression, environment, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** {@code judging}: the functions whose results are being judged, so that a recursive function ends the search. */
    static boolean isTabular(Expression expression, Environment environment, Set<FunctionDefinition> judging) {
        if (expression instanceof SubqueryExpression) {
            return true;
        }
        if (expression instanceof NameReference reference) {
            Optional<Symbol> symbol = environment.lookup(reference.name());
            if (symbol.isPresent()) {
                return !(symbol.get() instanceof Symbol.Scalar);
            }
            return environment.catalog().table(reference.name()).isPresent()
                    || environment.catalog().function(reference.name()).isPresent();
        }
        if (expression instanceof FunctionCall call) {
            if (call.name().equals("materialize")) {
                return true;
            }
            Optional<Symbol.Function> function = UserFunctions.find(call.name(), environment, call.nameSpan());
            return function.isPresent() && judging.add(function.get().definition())
                    && UserFunctions.returnsTable(function.get(), judging);
        }
        return false;
    }

    static dev.vigil.kql.syntax.TabularExpression asTabular(Expression expression) {
        if (expression instanceof SubqueryExpression subquery) {
            return subquery.tabular();
        }
        if (expression instanceof NameReference reference) {
            return new TableReference(reference.name(), reference.span());
        }
        if (expression instanceof FunctionCall call) {
            return new TabularFunctionCall(call);
        }
        throw new DiagnosticException(DiagnosticFacts.tabularExpected(), expression.span());
    }
}
