package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.OutputColumn;
import dev.vigil.kql.plan.Project;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.ProjectOperator;
import java.util.ArrayList;
import java.util.List;

/** {@code project}: exactly the listed columns, in the listed order. */
final class ProjectBinder {
    private ProjectBinder() {
    }

    static LogicalOperator bind(ProjectOperator project, LogicalOperator input, Environment environment) {
        Scope scope = Scope.of(input.schema(), environment);
        ColumnNames names = new ColumnNames();
        List<OutputColumn> columns = new ArrayList<>();
        for (ColumnAssignment assignment : project.columns()) {
            if (assignment.name().isEmpty() && MultiValueCalls.handles(assignment.expression(), scope)) {
                for (OutputColumn column : MultiValueCalls.bind((FunctionCall) assignment.expression(), List.of(), scope, names)) {
                    scope.define(column.name(), column.expression());
                    columns.add(column);
                }
                continue;
            }
            BoundExpression expression = ExpressionBinder.bindScalar(assignment.expression(), scope);
            String name = outputName(assignment, names);
            scope.define(name, expression);
            columns.add(new OutputColumn(name, expression));
        }
        return new Project(input, columns);
    }

    /** The column name of a projected assignment: its explicit name (refused when taken) or one derived from its expression. */
    static String outputName(ColumnAssignment assignment, ColumnNames names) {
        if (assignment.name().isEmpty()) {
            return names.nameFor(assignment.expression());
        }
        Identifier identifier = assignment.name().get();
        if (names.isTaken(identifier.name())) {
            throw new DiagnosticException(DiagnosticFacts.duplicateColumn(identifier.name()), identifier.span());
        }
        names.take(identifier.name());
        return identifier.name();
    }
}
