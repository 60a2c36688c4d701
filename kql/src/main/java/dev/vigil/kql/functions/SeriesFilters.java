package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * The digital filters over a series: {@code series_fir(x, filter [, normalize [, center]])} and
 * {@code series_iir(x, numerators, denominators)}. Both give an array of reals as long as the series. Values
 * before the start of the series (and missing values: nulls or elements that are not numbers) count as 0.
 * Coefficient arrays must be non-empty arrays of numbers, else the result is null.
 */
final class SeriesFilters {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType BOOL = KqlType.BOOL;

    private SeriesFilters() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("series_fir", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(DYNAMIC, a -> fir(a.sql(0), a.sql(1), null, "FALSE"), DYNAMIC, DYNAMIC),
                        Signature.of(DYNAMIC, a -> fir(a.sql(0), a.sql(1), a.sql(2), "FALSE"), DYNAMIC, DYNAMIC, BOOL),
                        Signature.of(DYNAMIC, a -> fir(a.sql(0), a.sql(1), a.sql(2), a.sql(3)), DYNAMIC, DYNAMIC, BOOL, BOOL))),
                FunctionDeclaration.scalar("series_iir", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(DYNAMIC, a -> iir(a.sql(0), a.sql(1), a.sql(2)), DYNAMIC, DYNAMIC, DYNAMIC))));
    }

    /** The coefficients as a list of doubles; null unless a non-empty array of numbers. */
    private static String coefficients(String dynamic) {
        return SharedValue.let(SeriesFunctions.values(dynamic), c -> "CASE WHEN len(" + c + ") > 0 AND list_bool_and(list_transform(" + c
                + ", lambda __fc: __fc IS NOT NULL)) THEN " + c + " END");
    }

    /** Element {@code index} (0-based) of the series, 0 when before the start, past the end or missing. */
    private static String element(String series, String index) {
        return "CASE WHEN " + index + " >= 0 AND " + index + " < len(" + series + ") THEN coalesce(" + series + "[" + index + " + 1], 0) ELSE 0 END";
    }

    /**
     * y[i] = sum over j of c[j] * x[i + shift - j]; shift is (length - 1) / 2 (rounded down) when centered, else 0.
     * Normalizing divides the coefficients by their sum; it is the default unless a coefficient is negative, and
     * asking for it with a negative coefficient (or a zero sum) gives null.
     */
    private static String fir(String seriesSql, String filterSql, String normalize, String center) {
        return SharedValue.let(SeriesFunctions.values(seriesSql), x -> SharedValue.let(coefficients(filterSql), raw -> {
            String negative = "list_bool_or(list_transform(" + raw + ", lambda __fn: __fn < 0))";
            String normalizing = normalize == null ? "NOT " + negative : "coalesce(" + normalize + ", NOT " + negative + ")";
            String sum = "list_sum(" + raw + ")";
            String used = "CASE WHEN NOT " + normalizing + " THEN " + raw + " WHEN NOT " + negative + " AND " + sum + " <> 0 THEN list_transform("
                    + raw + ", lambda __fv: __fv / " + sum + ") END";
            return SharedValue.let(used, c -> {
                String shift = "CASE WHEN coalesce(" + center + ", FALSE) THEN (len(" + c + ") - 1) // 2 ELSE 0 END";
                return "CASE WHEN " + x + " IS NOT NULL AND " + c + " IS NOT NULL THEN to_json(list_transform(range(len(" + x + ")), lambda __fi: "
                        + "list_sum(list_transform(range(len(" + c + ")), lambda __fj: " + c + "[__fj + 1] * "
                        + element(x, "__fi + " + shift + " - __fj") + ")))) END";
            });
        }));
    }

    /**
     * y[i] = (sum over j of b[j] * x[i - j] - sum over j >= 1 of a[j] * y[i - j]) / a[0], computed left to right; a
     * zero a[0] gives null.
     */
    private static String iir(String seriesSql, String numeratorsSql, String denominatorsSql) {
        return SharedValue.let(SeriesFunctions.values(seriesSql), x -> SharedValue.let(coefficients(numeratorsSql), b ->
                SharedValue.let(coefficients(denominatorsSql), a -> {
                    String forward = "list_sum(list_transform(range(len(" + b + ")), lambda __ib: " + b + "[__ib + 1] * " + element(x, "__ix - __ib")
                            + "))";
                    String feedback = "coalesce(list_sum(list_transform(range(1, len(" + a + ")), lambda __ia: " + a + "[__ia + 1] * "
                            + "CASE WHEN __ix - __ia >= 0 THEN __iy[__ix - __ia + 1] ELSE 0 END)), 0)";
                    return "CASE WHEN " + x + " IS NOT NULL AND " + b + " IS NOT NULL AND " + a + " IS NOT NULL AND " + a + "[1] <> 0 THEN to_json("
                            + "list_reduce(range(len(" + x + ")), lambda __iy, __ix: list_append(__iy, (" + forward + " - " + feedback + ") / " + a
                            + "[1]), []::DOUBLE[])) END";
                })));
    }
}
