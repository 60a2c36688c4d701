package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * The element-wise series functions: {@code series_add}, {@code series_subtract}, {@code series_multiply},
 * {@code series_divide} and the comparisons {@code series_greater}, {@code series_greater_equals},
 * {@code series_less}, {@code series_less_equals}, {@code series_equals}, {@code series_not_equals}.
 * Each operand is a dynamic numeric array or a number (which stands for that number at every position).
 * The result is as long as the longer array; where an element is missing (not a number, or past the end
 * of the shorter array) the result is null. Arithmetic gives reals (division by zero gives null),
 * comparisons give bools. An operand that is dynamic but not an array gives null.
 */
final class SeriesElementwise {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;

    private static final String REALS = "gives reals where Kusto keeps longs for long inputs";

    private SeriesElementwise() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                function("series_add", (x, y) -> x + " + " + y).withDeviation(REALS),
                function("series_subtract", (x, y) -> x + " - " + y).withDeviation(REALS),
                function("series_multiply", (x, y) -> x + " * " + y).withDeviation(REALS),
                function("series_divide", (x, y) -> "CASE WHEN " + y + " <> 0 THEN " + x + " / " + y + " END")
                        .withDeviation("division by zero gives null (Kusto: infinity or NaN)"),
                function("series_greater", (x, y) -> x + " > " + y),
                function("series_greater_equals", (x, y) -> x + " >= " + y),
                function("series_less", (x, y) -> x + " < " + y),
                function("series_less_equals", (x, y) -> x + " <= " + y),
                function("series_equals", (x, y) -> x + " = " + y),
                function("series_not_equals", (x, y) -> x + " <> " + y),
                function("series_pow", (x, y) -> "pow(" + x + ", " + y + ")"));
    }

    private static FunctionDeclaration function(String name, BinaryOperator<String> operation) {
        List<Signature> signatures = new ArrayList<>();
        signatures.add(Signature.of(DYNAMIC, a -> render(a, operation), DYNAMIC, DYNAMIC));
        signatures.add(Signature.of(DYNAMIC, a -> render(a, operation), DYNAMIC, REAL));
        signatures.add(Signature.of(DYNAMIC, a -> render(a, operation), REAL, DYNAMIC));
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, signatures);
    }

    private static String render(RenderArguments a, BinaryOperator<String> operation) {
        boolean leftArray = a.type(0) == DYNAMIC;
        boolean rightArray = a.type(1) == DYNAMIC;
        String left = leftArray ? SeriesFunctions.values(a.sql(0)) : "CAST(" + a.sql(0) + " AS DOUBLE)";
        String right = rightArray ? SeriesFunctions.values(a.sql(1)) : "CAST(" + a.sql(1) + " AS DOUBLE)";
        return SharedValue.let(left, l -> SharedValue.let(right, r -> {
            String x = leftArray ? l + "[__i]" : l;
            String y = rightArray ? r + "[__i]" : r;
            String length = leftArray && rightArray ? "greatest(len(" + l + "), len(" + r + "))" : "len(" + (leftArray ? l : r) + ")";
            String nulls = (leftArray ? l + " IS NULL" : "FALSE") + " OR " + (rightArray ? r + " IS NULL" : "FALSE");
            return "CASE WHEN NOT (" + nulls + ") THEN to_json(list_transform(range(1, " + length + " + 1), lambda __i: "
                    + operation.apply(x, y) + ")) END";
        }));
    }
}
