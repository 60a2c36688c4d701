package dev.vigil.kql.functions;

import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code == != < <= > >=} over every ordered type (strings compare case-sensitively), and {@code and}/{@code or}.
 * As in Kusto, {@code ==} of a null and a value is false and {@code !=} true; of two nulls both are null; the
 * ordering comparisons give null for a null operand.
 */
final class ComparisonOperators {
    private ComparisonOperators() {
    }

    static Map<BinaryOperator, FunctionDeclaration> declarations() {
        return Map.of(
                BinaryOperator.EQUAL, equality(BinaryOperator.EQUAL, "=", "FALSE"),
                BinaryOperator.NOT_EQUAL, equality(BinaryOperator.NOT_EQUAL, "<>", "TRUE"),
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

    /**
     * {@code ==} and {@code !=}: a null and a value give {@code whenOneIsNull}, two nulls give null. Strings are never
     * null, so they keep the plain comparison, as {@code ==} does in a where predicate (which drops the row on null as on
     * false); against a constant, SQL's IS [NOT] DISTINCT FROM says exactly what Kusto means.
     */
    private static FunctionDeclaration equality(BinaryOperator operator, String sql, String whenOneIsNull) {
        boolean equal = operator == BinaryOperator.EQUAL;
        List<Signature> signatures = new ArrayList<>();
        for (KqlType type : TypeSets.EQUATABLE) {
            signatures.add(Signature.of(KqlType.BOOL, a -> {
                if (type == KqlType.STRING || (equal && a.inCondition())) {
                    return "(" + a.sql(0) + " " + sql + " " + a.sql(1) + ")";
                }
                if (a.inCondition() || a.constant(0).isPresent() || a.constant(1).isPresent()) {
                    return "(" + a.sql(0) + (equal ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + a.sql(1) + ")";
                }
                return SharedValue.let(a.sql(0), left -> SharedValue.let(a.sql(1), right -> "CASE WHEN " + left + " IS NULL AND " + right
                        + " IS NULL THEN NULL ELSE coalesce(" + left + " " + sql + " " + right + ", " + whenOneIsNull + ") END"));
            }, type, type));
        }
        return FunctionDeclaration.scalar(operator.text(), ColumnNaming.NONE, signatures);
    }

    private static FunctionDeclaration logical(BinaryOperator operator, String sql) {
        return FunctionDeclaration.scalar(operator.text(), ColumnNaming.NONE, List.of(
                Signature.of(KqlType.BOOL, a -> "(" + a.sql(0) + " " + sql + " " + a.sql(1) + ")", KqlType.BOOL, KqlType.BOOL)));
    }
}
