package dev.vigil.kql.functions;

import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.Map;

/** The case-insensitive string operators and their negations. */
final class StringOperators {
    private StringOperators() {
    }

    static Map<BinaryOperator, FunctionDeclaration> declarations() {
        SqlRendering equalsIgnoringCase = a -> "(lower(" + a.sql(0) + ") = lower(" + a.sql(1) + "))";
        SqlRendering containsIgnoringCase = a -> "contains(lower(" + a.sql(0) + "), lower(" + a.sql(1) + "))";
        SqlRendering startsWithIgnoringCase = a -> "starts_with(lower(" + a.sql(0) + "), lower(" + a.sql(1) + "))";
        return Map.of(
                BinaryOperator.EQUAL_TILDE, stringPredicate(BinaryOperator.EQUAL_TILDE, equalsIgnoringCase),
                BinaryOperator.NOT_EQUAL_TILDE, stringPredicate(BinaryOperator.NOT_EQUAL_TILDE, negate(equalsIgnoringCase)),
                BinaryOperator.HAS, stringPredicate(BinaryOperator.HAS, TermMatch::render),
                BinaryOperator.NOT_HAS, stringPredicate(BinaryOperator.NOT_HAS, negate(TermMatch::render)),
                BinaryOperator.CONTAINS, stringPredicate(BinaryOperator.CONTAINS, containsIgnoringCase),
                BinaryOperator.NOT_CONTAINS, stringPredicate(BinaryOperator.NOT_CONTAINS, negate(containsIgnoringCase)),
                BinaryOperator.STARTSWITH, stringPredicate(BinaryOperator.STARTSWITH, startsWithIgnoringCase),
                BinaryOperator.NOT_STARTSWITH, stringPredicate(BinaryOperator.NOT_STARTSWITH, negate(startsWithIgnoringCase)));
    }

    private static FunctionDeclaration stringPredicate(BinaryOperator operator, SqlRendering rendering) {
        return FunctionDeclaration.scalar(operator.text(), ColumnNaming.NONE,
                List.of(Signature.of(KqlType.BOOL, rendering, KqlType.STRING, KqlType.STRING)));
    }

    private static SqlRendering negate(SqlRendering rendering) {
        return a -> "(NOT " + rendering.render(a) + ")";
    }
}
