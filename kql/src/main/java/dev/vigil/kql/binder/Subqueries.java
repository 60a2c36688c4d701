package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundInSubquery;
import dev.vigil.kql.bound.BoundScalarSubquery;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Span;
import java.util.List;

/** Tables used as scalars: {@code toscalar(...)} and {@code in (table)}. */
final class Subqueries {
    private Subqueries() {
    }

    static BoundExpression toScalar(FunctionCall call, Environment environment) {
        if (call.arguments().size() != 1) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount("toscalar", List.of(1)), call.span());
        }
        Expression argument = call.arguments().get(0);
        if (!LetBinder.isTabular(argument, environment)) {
            // toscalar of a scalar expression is that expression
            return ExpressionBinder.bindScalar(argument, Scope.of(List.of(), environment));
        }
        LogicalOperator table = TabularBinder.bind(LetBinder.asTabular(argument), environment);
        ColumnSchema first = firstColumn(table, argument.span());
        return new BoundScalarSubquery(table, first.name(), first.type());
    }

    static BoundExpression in(BoundExpression value, boolean negated, Expression tabular, Environment environment, Span operatorSpan) {
        LogicalOperator table = TabularBinder.bind(LetBinder.asTabular(tabular), environment);
        ColumnSchema first = firstColumn(table, tabular.span());
        FunctionDeclaration equality = FunctionRegistry.operator(BinaryOperator.EQUAL);
        if (OverloadResolver.resolve(equality.signatures(), List.of(value.type(), first.type())).isEmpty()) {
            throw new DiagnosticException(
                    DiagnosticFacts.operatorNotDefined(negated ? "!in" : "in", List.of(value.type(), first.type())), operatorSpan);
        }
        return new BoundInSubquery(value, negated, table, first.name());
    }

    private static ColumnSchema firstColumn(LogicalOperator table, Span span) {
        if (table.schema().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.scalarSubqueryColumns(), span);
        }
        return table.schema().get(0);
    }
}
