package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Values;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.PrintExpression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code print}: one row; unnamed columns are {@code print_0}, {@code print_1}, ... by position. */
final class PrintBinder {
    private PrintBinder() {
    }

    static LogicalOperator bind(PrintExpression print, Environment environment) {
        Scope scope = Scope.of(List.of(), environment);
        List<ColumnSchema> columns = new ArrayList<>();
        List<BoundExpression> row = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < print.columns().size(); i++) {
            ColumnAssignment assignment = print.columns().get(i);
            BoundExpression value = ExpressionBinder.bindScalar(assignment.expression(), scope);
            String name = assignment.name().map(n -> n.name())
                    .orElseGet(() -> ColumnNames.implicitName(assignment.expression()).orElse("print_" + columns.size()));
            if (!names.add(name)) {
                throw new DiagnosticException(DiagnosticFacts.duplicateColumn(name), assignment.span());
            }
            columns.add(new ColumnSchema(name, value.type()));
            row.add(value);
        }
        return new Values(columns, columns.isEmpty() ? List.of() : List.of(row));
    }
}
