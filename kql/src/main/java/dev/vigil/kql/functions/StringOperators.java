package dev.vigil.kql.functions;

import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.types.KqlType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The string operators and their negations. The plain forms ignore case; the {@code _cs} forms and
 * {@code matches regex} respect it. Strings are never null, so neither are the results of these.
 */
final class StringOperators {
    private StringOperators() {
    }

    static Map<BinaryOperator, FunctionDeclaration> declarations() {
        Map<BinaryOperator, FunctionDeclaration> operators = new EnumMap<>(BinaryOperator.class);
        pair(operators, BinaryOperator.EQUAL_TILDE, BinaryOperator.NOT_EQUAL_TILDE, a -> "(lower(" + a.sql(0) + ") = lower(" + a.sql(1) + "))");
        pair(operators, BinaryOperator.HAS, BinaryOperator.NOT_HAS, TermMatch.rendering(TermMatch.Edges.WHOLE_TERM, false));
        pair(operators, BinaryOperator.HAS_CS, BinaryOperator.NOT_HAS_CS, TermMatch.rendering(TermMatch.Edges.WHOLE_TERM, true));
        pair(operators, BinaryOperator.HASPREFIX, BinaryOperator.NOT_HASPREFIX, TermMatch.rendering(TermMatch.Edges.PREFIX, false));
        pair(operators, BinaryOperator.HASPREFIX_CS, BinaryOperator.NOT_HASPREFIX_CS, TermMatch.rendering(TermMatch.Edges.PREFIX, true));
        pair(operators, BinaryOperator.HASSUFFIX, BinaryOperator.NOT_HASSUFFIX, TermMatch.rendering(TermMatch.Edges.SUFFIX, false));
        pair(operators, BinaryOperator.HASSUFFIX_CS, BinaryOperator.NOT_HASSUFFIX_CS, TermMatch.rendering(TermMatch.Edges.SUFFIX, true));
        pair(operators, BinaryOperator.CONTAINS, BinaryOperator.NOT_CONTAINS, ignoringCase("contains"));
        pair(operators, BinaryOperator.CONTAINS_CS, BinaryOperator.NOT_CONTAINS_CS, exact("contains"));
        pair(operators, BinaryOperator.STARTSWITH, BinaryOperator.NOT_STARTSWITH, ignoringCase("starts_with"));
        pair(operators, BinaryOperator.STARTSWITH_CS, BinaryOperator.NOT_STARTSWITH_CS, exact("starts_with"));
        pair(operators, BinaryOperator.ENDSWITH, BinaryOperator.NOT_ENDSWITH, ignoringCase("ends_with"));
        pair(operators, BinaryOperator.ENDSWITH_CS, BinaryOperator.NOT_ENDSWITH_CS, exact("ends_with"));
        operators.put(BinaryOperator.MATCHES_REGEX, stringPredicate(BinaryOperator.MATCHES_REGEX,
                a -> "regexp_matches(" + a.sql(0) + ", " + a.sql(1) + ")"));
        return operators;
    }

    private static void pair(Map<BinaryOperator, FunctionDeclaration> operators, BinaryOperator positive, BinaryOperator negative,
                             SqlRendering rendering) {
        operators.put(positive, stringPredicate(positive, rendering));
        operators.put(negative, stringPredicate(negative, a -> "(NOT " + rendering.render(a) + ")"));
    }

    private static SqlRendering ignoringCase(String sqlFunction) {
        return a -> sqlFunction + "(lower(" + a.sql(0) + "), lower(" + a.sql(1) + "))";
    }

    private static SqlRendering exact(String sqlFunction) {
        return a -> sqlFunction + "(" + a.sql(0) + ", " + a.sql(1) + ")";
    }

    private static FunctionDeclaration stringPredicate(BinaryOperator operator, SqlRendering rendering) {
        return FunctionDeclaration.scalar(operator.text(), ColumnNaming.NONE,
                List.of(Signature.of(KqlType.BOOL, rendering, KqlType.STRING, KqlType.STRING)));
    }
}
