package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The series functions of one array: element-wise math ({@code series_abs}, {@code series_sign},
 * {@code series_ceiling}, {@code series_floor}, {@code series_exp}, {@code series_log}, the trigonometric
 * functions), each giving reals, null where an element is not a number or outside the function's domain
 * (the log of zero or less, the acos or asin of a value beyond ±1); and the functions of whole vectors:
 * {@code series_sum}, {@code series_magnitude} (the Euclidean norm), {@code series_dot_product},
 * {@code series_cosine_similarity} and {@code series_pearson_correlation}, which skip missing elements.
 * Input that is not an array gives null.
 */
final class SeriesMath {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;

    private SeriesMath() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                elementwise("series_abs", x -> "abs(" + x + ")"),
                elementwise("series_sign", x -> "CAST(sign(" + x + ") AS DOUBLE)"),
                elementwise("series_ceiling", x -> "ceil(" + x + ")"),
                elementwise("series_floor", x -> "floor(" + x + ")"),
                elementwise("series_exp", x -> "exp(" + x + ")"),
                elementwise("series_log", x -> "CASE WHEN " + x + " > 0 THEN ln(" + x + ") END"),
                elementwise("series_sin", x -> "sin(" + x + ")"),
                elementwise("series_cos", x -> "cos(" + x + ")"),
                elementwise("series_tan", x -> "tan(" + x + ")"),
                elementwise("series_asin", x -> "CASE WHEN " + x + " BETWEEN -1 AND 1 THEN asin(" + x + ") END"),
                elementwise("series_acos", x -> "CASE WHEN " + x + " BETWEEN -1 AND 1 THEN acos(" + x + ") END"),
                elementwise("series_atan", x -> "atan(" + x + ")"),
                FunctionDeclaration.scalar("series_sum", ColumnNaming.NONE, List.of(Signature.of(REAL,
                        a -> SharedValue.let(SeriesFunctions.values(a.sql(0)), l -> "CASE WHEN " + l + " IS NOT NULL THEN coalesce(list_sum(" + l
                                + "), 0.0) END"), DYNAMIC))),
                FunctionDeclaration.scalar("series_magnitude", ColumnNaming.NONE, List.of(Signature.of(REAL,
                        a -> SharedValue.let(SeriesFunctions.values(a.sql(0)), l -> "CASE WHEN " + l + " IS NOT NULL THEN sqrt(coalesce(list_sum("
                                + "list_transform(" + l + ", lambda __m: __m * __m)), 0.0)) END"), DYNAMIC))),
                FunctionDeclaration.scalar("series_dot_product", ColumnNaming.NONE, List.of(Signature.of(REAL,
                        a -> pairwise(a, (x, y) -> "coalesce(list_sum(list_transform(range(1, least(len(" + x + "), len(" + y + ")) + 1), lambda __d: "
                                + x + "[__d] * " + y + "[__d])), 0.0)"), DYNAMIC, DYNAMIC))),
                FunctionDeclaration.scalar("series_cosine_similarity", ColumnNaming.NONE, List.of(Signature.of(REAL,
                        a -> pairwise(a, SeriesMath::cosine), DYNAMIC, DYNAMIC))),
                FunctionDeclaration.scalar("series_pearson_correlation", ColumnNaming.NONE, List.of(Signature.of(REAL,
                        a -> pairwise(a, SeriesMath::pearson), DYNAMIC, DYNAMIC))));
    }

    private static FunctionDeclaration elementwise(String name, UnaryOperator<String> operation) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(Signature.of(DYNAMIC,
                a -> SharedValue.let(SeriesFunctions.values(a.sql(0)), l -> "CASE WHEN " + l + " IS NOT NULL THEN to_json(list_transform(" + l
                        + ", lambda __x: " + operation.apply("__x") + ")) END"), DYNAMIC)));
    }

    private static String pairwise(RenderArguments a, java.util.function.BinaryOperator<String> body) {
        return SharedValue.let(SeriesFunctions.values(a.sql(0)), x -> SharedValue.let(SeriesFunctions.values(a.sql(1)), y -> "CASE WHEN " + x
                + " IS NOT NULL AND " + y + " IS NOT NULL THEN " + body.apply(x, y) + " END"));
    }

    /** The pairs of elements present in both arrays, as a list of {x, y} structs. */
    private static String pairs(String x, String y) {
        return "list_filter(list_transform(range(1, least(len(" + x + "), len(" + y + ")) + 1), lambda __p: {'x': " + x + "[__p], 'y': " + y
                + "[__p]}), lambda __q: __q.x IS NOT NULL AND __q.y IS NOT NULL)";
    }

    private static String cosine(String x, String y) {
        return SharedValue.let(pairs(x, y), p -> "(list_sum(list_transform(" + p + ", lambda __c: __c.x * __c.y)) / sqrt(list_sum(list_transform("
                + p + ", lambda __c: __c.x * __c.x)) * list_sum(list_transform(" + p + ", lambda __c: __c.y * __c.y))))");
    }

    private static String pearson(String x, String y) {
        return SharedValue.let(pairs(x, y), p -> SharedValue.let("list_avg(list_transform(" + p + ", lambda __c: __c.x))", mx -> SharedValue.let(
                "list_avg(list_transform(" + p + ", lambda __c: __c.y))", my -> "(list_sum(list_transform(" + p + ", lambda __c: (__c.x - " + mx
                        + ") * (__c.y - " + my + "))) / sqrt(list_sum(list_transform(" + p + ", lambda __c: (__c.x - " + mx + ") * (__c.x - " + mx
                        + "))) * list_sum(list_transform(" + p + ", lambda __c: (__c.y - " + my + ") * (__c.y - " + my + ")))))")));
    }
}
