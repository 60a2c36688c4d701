package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.plan.LogicalOperator;
import dev.vigil.kql.plan.Values;
import dev.vigil.kql.syntax.DatatableExpression;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/** {@code datatable}: constants row by row; each value must be a constant of its column's type (numbers widen). */
final class DatatableBinder {
    private DatatableBinder() {
    }

    static LogicalOperator bind(DatatableExpression datatable, Environment environment) {
        List<ColumnSchema> columns = Types.declaredColumns(datatable.columns(), datatable.span());
        if (datatable.values().size() % columns.size() != 0) {
            throw new DiagnosticException(DiagnosticFacts.datatableShape(columns.size(), datatable.values().size()), datatable.span());
        }
        Scope scope = Scope.of(List.of(), environment);
        List<List<BoundExpression>> rows = new ArrayList<>();
        for (int start = 0; start < datatable.values().size(); start += columns.size()) {
            List<BoundExpression> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Expression value = datatable.values().get(start + i);
                row.add(value(value, columns.get(i).type(), scope));
            }
            rows.add(row);
        }
        return new Values(columns, rows);
    }

    private static BoundExpression value(Expression expression, KqlType type, Scope scope) {
        BoundExpression value = ExpressionBinder.bindScalar(expression, scope);
        if (value.type() == type) {
            return value;
        }
        if (value instanceof BoundLiteral literal && literal.value().isEmpty()) {
            return new BoundLiteral(literal.value(), type);
        }
        boolean widens = value.type().isNumeric() && type.isNumeric();
        if (!widens && type != KqlType.DYNAMIC) {
            throw new DiagnosticException(DiagnosticFacts.typeExpected(type, value.type()), expression.span());
        }
        return Conversions.to(type, value);
    }
}
