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
 * of the shorter array) the result is null. Adding, subtracting and multiplying two whole numbers (whole JSON numbers,
 * or an int or long operand) gives a long, as Kusto keeps longs; otherwise arithmetic gives reals (division by zero gives
 * null), and comparisons give bools. An operand that is dynamic but not an array gives null.
 */
final class SeriesElementwise {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;

    private SeriesElementwise() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                wholeKeeping("series_add", "+"),
                wholeKeeping("series_subtract", "-"),
                wholeKeeping("series_multiply", "*"),
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

    /** An arithmetic function whose result element is a long where both operands' elements are whole numbers. */
    private static FunctionDeclaration wholeKeeping(String name, String operator) {
        List<Signature> signatures = new ArrayList<>();
        SqlRendering rendering = a -> renderKeepingWhole(a, operator);
        signatures.add(Signature.of(DYNAMIC, rendering, DYNAMIC, DYNAMIC));
        signatures.add(Signature.of(DYNAMIC, rendering, DYNAMIC, KqlType.LONG));
        signatures.add(Signature.of(DYNAMIC, rendering, KqlType.LONG, DYNAMIC));
        signatures.add(Signature.of(DYNAMIC, rendering, DYNAMIC, REAL));
        signatures.add(Signature.of(DYNAMIC, rendering, REAL, DYNAMIC));
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, signatures);
    }

    private static String renderKeepingWhole(RenderArguments a, String operator) {
        boolean leftArray = a.type(0) == DYNAMIC;
        boolean rightArray = a.type(1) == DYNAMIC;
        String left = leftArray ? DynamicFunctions.list(a.sql(0)) : operand(a, 0);
        String right = rightArray ? DynamicFunctions.list(a.sql(1)) : operand(a, 1);
        return SharedValue.let(left, l -> SharedValue.let(right, r -> {
            String x = leftArray ? l + "[__i]" : l;
            String y = rightArray ? r + "[__i]" : r;
            String length = leftArray && rightArray ? "greatest(len(" + l + "), len(" + r + "))" : "len(" + (leftArray ? l : r) + ")";
            String nulls = (leftArray ? l + " IS NULL" : "FALSE") + " OR " + (rightArray ? r + " IS NULL" : "FALSE");
            String whole = "json_type(" + x + ") IN ('BIGINT', 'UBIGINT') AND json_type(" + y + ") IN ('BIGINT', 'UBIGINT')";
            return "CASE WHEN NOT (" + nulls + ") THEN to_json(list_transform(range(1, " + length + " + 1), lambda __i: CASE WHEN " + whole
                    + " THEN to_json(TRY_CAST(" + x + " AS BIGINT) " + operator + " TRY_CAST(" + y + " AS BIGINT)) ELSE to_json(TRY_CAST(" + x
                    + " AS DOUBLE) " + operator + " TRY_CAST(" + y + " AS DOUBLE)) END)) END";
        }));
    }

    /** A number operand as a JSON value, so that its kind (whole or not) reads as an array element's does. */
    private static String operand(RenderArguments a, int index) {
        return a.type(index) == REAL ? "to_json(CAST(" + a.sql(index) + " AS DOUBLE))" : "to_json(CAST(" + a.sql(index) + " AS BIGINT))";
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
