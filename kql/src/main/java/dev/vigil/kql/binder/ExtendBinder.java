package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.FunctionCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code extend}: the input columns, then the new ones. A new column named like an existing one
 * replaces it where it stands (as Kusto's engine and language service do), and later expressions
 * of the same {@code extend} see the new values.
 */
final class ExtendBinder {
    private ExtendBinder() {
    }

    static LogicalOperator bind(ExtendOperator extend, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        ColumnNames names = new ColumnNames();
        List<OutputColumn> columns = new ArrayList<>();
        for (ColumnSchema column : input.schema()) {
            columns.add(new OutputColumn(column.name(), new BoundColumn(column.name(), column.type())));
            names.take(column.name());
        }
        Set<String> declared = new HashSet<>();
        for (ColumnAssignment assignment : extend.columns()) {
            if (!assignment.tupleNames().isEmpty() && !MultiValueCalls.handles(assignment.expression(), scope)) {
                throw new DiagnosticException(DiagnosticFacts.notMultiColumn(), assignment.expression().span());
            }
            if (assignment.name().isEmpty() && MultiValueCalls.handles(assignment.expression(), scope)) {
                for (OutputColumn column : MultiValueCalls.bind((FunctionCall) assignment.expression(), assignment.tupleNames(), scope, names)) {
                    if (!assignment.tupleNames().isEmpty() && !declared.add(column.name())) {
                        throw new DiagnosticException(DiagnosticFacts.duplicateColumn(column.name()), assignment.span());
                    }
                    scope.define(column.name(), column.expression());
                    replaceOrAppend(columns, column);
                }
                continue;
            }
            BoundExpression expression = ExpressionBinder.bindScalar(assignment.expression(), scope);
            String name;
            if (assignment.name().isPresent()) {
                name = assignment.name().get().name();
                if (!declared.add(name)) {
                    throw new DiagnosticException(DiagnosticFacts.duplicateColumn(name), assignment.name().get().span());
                }
            } else {
                name = names.nameFor(assignment.expression());
            }
            scope.define(name, expression);
            replaceOrAppend(columns, new OutputColumn(name, expression));
        }
        return new Project(input, columns);
    }

    /** Puts the column where one of the same name stands, or at the end (as parse-kv does too). */
    static void replaceOrAppend(List<OutputColumn> columns, OutputColumn column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column.name())) {
                columns.set(i, column);
                return;
            }
        }
        columns.add(column);
    }
}
