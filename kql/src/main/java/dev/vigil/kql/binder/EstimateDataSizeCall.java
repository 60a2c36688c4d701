package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.parser.KqlParser;
import dev.vigil.kql.syntax.AllColumns;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code estimate_data_size(*)} or {@code estimate_data_size(Column, ...)}: the size in bytes of the row's values in
 * those columns: a string's UTF-8 bytes, a dynamic value's JSON text, and the fixed width of every other type (bool 1,
 * int 4, long, real, datetime and timespan 8, guid and decimal 16).
 */
final class EstimateDataSizeCall {
    static final String NAME = "estimate_data_size";

    private EstimateDataSizeCall() {
    }

    static BoundExpression bind(FunctionCall call, Scope scope) {
        if (call.arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast(NAME, 1), call.span());
        }
        List<ColumnSchema> columns = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            if (argument instanceof AllColumns) {
                columns.addAll(scope.inputColumns());
                continue;
            }
            BoundExpression bound = ExpressionBinder.bindScalar(argument, scope);
            if (!(bound instanceof BoundColumn column)) {
                throw new DiagnosticException(DiagnosticFacts.columnNameExpected(), argument.span());
            }
            columns.add(new ColumnSchema(column.name(), column.type()));
        }
        List<String> terms = new ArrayList<>();
        for (ColumnSchema column : columns) {
            terms.add(size(column));
        }
        String sum = terms.isEmpty() ? "0" : String.join(" + ", terms);
        return ExpressionBinder.bindScalar(KqlParser.parseExpression("tolong(" + sum + ")"), scope);
    }

    private static String size(ColumnSchema column) {
        String name = PluginExpansion.name(column.name());
        switch (column.type()) {
            case BOOL:
                return "1";
            case INT:
                return "4";
            case GUID:
            case DECIMAL:
                return "16";
            case STRING:
                return "string_size(" + name + ")";
            case DYNAMIC:
                return "coalesce(string_size(tostring(" + name + ")), 0)";
            default:
                return "8";
        }
    }
}
