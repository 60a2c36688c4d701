package dev.vigil.kql.binder;

import dev.vigil.kql.bound.BoundCall;
import dev.vigil.kql.bound.BoundExpression;
import dev.vigil.kql.bound.BoundLiteral;
import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.functions.FunctionDeclaration;
import dev.vigil.kql.functions.OperatorFunctions;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/** {@code bag_pack_columns(c1, c2, ...)}: a property bag with one key per named column, its name, in the order given. */
final class BagPackColumnsCall {
    static final String NAME = "bag_pack_columns";

    private BagPackColumnsCall() {
    }

    static BoundExpression bind(FunctionCall call, Scope scope) {
        if (call.arguments().isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.argumentCountAtLeast(call.name(), 1), call.span());
        }
        List<BoundExpression> pairs = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            if (!(argument instanceof NameReference reference)) {
                throw new DiagnosticException(DiagnosticFacts.columnExpected(call.name()), argument.span());
            }
            BoundExpression column = scope.lookup(reference.name())
                    .orElseThrow(() -> new DiagnosticException(DiagnosticFacts.unknownName(reference.name()), reference.span()));
            pairs.add(BoundLiteral.of(reference.name(), KqlType.STRING));
            pairs.add(column);
        }
        FunctionDeclaration pack = OperatorFunctions.packColumns(false);
        return new BoundCall(pack, pack.signatures().get(1), pairs);
    }
}
