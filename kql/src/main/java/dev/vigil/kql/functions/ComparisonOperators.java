package dev.vigil.kql.functions;

import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code == != < <= > >=} over every ordered type (strings compare case-sensitively), and {@code and}/{@code or}. */
final class ComparisonOperators {
    private ComparisonOperators() {
    }

    static Map<BinaryOperator, FunctionDeclaration> declarations() {
        return Map.of(
                BinaryOperator.EQUAL, comparison(BinaryOperator.EQUAL, "=", TypeSets.EQUATABLE),
                BinaryOperator.NOT_EQUAL, comparison(BinaryOperator.NOT_EQUAL, "<>", TypeSets.EQUATABLE),
                BinaryOperator.LESS, comparison(BinaryOperator.LESS, "<", TypeSets.ORDERED),
                BinaryOperator.LESS_OR_EQUAL, comparison(BinaryOperator.LESS_OR_EQUAL, "<=", TypeSets.ORDERED),
                BinaryOperator.GREATER, comparison(BinaryOperator.GREATER, ">", TypeSets.ORDERED),
                BinaryOperator.GREATER_OR_EQUAL, comparison(BinaryOperator.GREATER_OR_EQUAL, ">=", TypeSets.ORDERED),
                BinaryOperator.AND, logical(BinaryOperator.AND, "AND"),
                BinaryOperator.OR, logical(BinaryOperator.OR, "OR"));
    }

    private static FunctionDeclaration comparison(BinaryOperator operator, String sql, List<KqlType> types) {
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : types) {
            signatures.add(Signature.of(KqlType.BOOL, a -> "(" + a.sql(0) + " " + sql + " " + a.sql(1) + ")", type, type));
        }
        return FunctionDeclaration.scalar(operator.text(), ColumnNaming.NONE, signatures);
    }

    private static FunctionDeclaration logical(BinaryOperator operator, String sql) {
        return FunctionDeclaration.scalar(operator.text(), ColumnNaming.NONE, List.of(
                Signature.of(KqlType.BOOL, a -> "(" + a.sql(0) + " " + sql + " " + a.sql(1) + ")", KqlType.BOOL, KqlType.BOOL)));
    }
}
