package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundColumn;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.catalog.ColumnSchema;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.OperatorFunctions;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pack_all([ignore_null_empty])}: a property bag of the current row, one key per column of the
 * operator's input, in column order. With {@code true}, nulls and empty strings are left out.
 */
final class PackAllCall {
    private PackAllCall() {
    }

    static BoundExpression bind(FunctionCall call, Scope scope) {
        if (call.arguments().size() > 1) {
            throw new DiagnosticException(DiagnosticFacts.argumentCount(call.name(), List.of(0, 1)), call.span());
        }
        boolean skipEmpty = false;
        if (call.arguments().size() == 1) {
            if (!(call.arguments().get(0) instanceof LiteralExpression flag) || flag.kind() != LiteralKind.BOOL) {
                throw new DiagnosticException(DiagnosticFacts.constantArgument(call.name(), "ignore_null_empty (true or false)"),
                        call.arguments().get(0).span());
            }
            skipEmpty = (Boolean) flag.value();
        }
        FunctionDeclaration pack = OperatorFunctions.packColumns(skipEmpty);
        List<BoundExpression> pairs = new ArrayList<>();
        for (ColumnSchema column : scope.inputColumns()) {
            pairs.add(BoundLiteral.of(column.name(), KqlType.STRING));
            pairs.add(new BoundColumn(column.name(), column.type()));
        }
        return new BoundCall(pack, pack.signatures().get(pairs.isEmpty() ? 0 : 1), pairs);
    }
}
