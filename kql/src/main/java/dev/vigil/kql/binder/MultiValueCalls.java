package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.FunctionRegistry;
import dev.vigil.kql.functions.MultiValueFunction;
import dev.vigil.kql.functions.OperatorFunctions;
import dev.vigil.kql.functions.ResultPart;
import dev.vigil.kql.functions.Signature;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call of a function that gives several values ({@code series_stats}, {@code series_fit_line},
 * {@code series_decompose_anomalies}) spread over columns: with names, {@code (a, b) = f(x)}, the
 * first values go to those names (fewer names keep fewer values); without, every value gets a column
 * named {@code f_x_value} ({@code series_stats_x_min}). Assigned to one name, the call is an
 * ordinary expression giving the first value.
 */
final class MultiValueCalls {
    private MultiValueCalls() {
    }

    /** Whether the expression is a call of a multi-valued function (a user function of the same name hides it). */
    static boolean handles(Expression expression, Scope scope) {
        return expression instanceof FunctionCall call && FunctionRegistry.multiValued(call.name()).isPresent()
                && scope.environment().lookup(call.name()).isEmpty();
    }

    /** The columns of the call; {@code names} may be empty (implicit names). */
    static List<OutputColumn> bind(FunctionCall call, List<Identifier> names, Scope scope, ColumnNames columnNames) {
        MultiValueFunction function = FunctionRegistry.multiValued(call.name()).orElseThrow();
        if (names.size() > function.parts().size()) {
            throw new DiagnosticException(DiagnosticFacts.tooManyNames(call.name(), function.parts().size()), names.get(names.size() - 1).span());
        }
        // binding the registered function checks the arguments; the bag has the same signatures in the same order
        BoundCall firstValue = (BoundCall) ExpressionBinder.bindScalar(call, scope);
        FunctionDeclaration registered = firstValue.function();
        Signature bagSignature = function.bag().signatures().get(registered.signatures().indexOf(firstValue.signature()));
        // every column repeats the call in its SQL; DuckDB's common-subexpression elimination still runs it once per
        // row (TestMultiValueCalls counts the calls of a Java one), so no hidden column is needed to share it
        BoundCall bag = new BoundCall(function.bag(), bagSignature, firstValue.arguments());
        Optional<String> argumentName = call.arguments().isEmpty() ? Optional.empty() : ColumnNames.implicitName(call.arguments().get(0));
        List<OutputColumn> columns = new ArrayList<>();
        int count = names.isEmpty() ? function.parts().size() : names.size();
        for (int i = 0; i < count; i++) {
            ResultPart part = function.parts().get(i);
            String name = names.isEmpty()
                    ? columnNames.unique(call.name() + argumentName.map(n -> "_" + n).orElse("") + "_" + part.name())
                    : names.get(i).name();
            FunctionDeclaration read = OperatorFunctions.property(part.name(), part.type());
            BoundExpression value = new BoundCall(read, read.signatures().get(0), List.of(bag));
            columns.add(new OutputColumn(name, value));
        }
        return columns;
    }
}
