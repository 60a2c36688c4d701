package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The series functions over dynamic numeric arrays (as {@code make-series} produces), computed with
 * DuckDB list functions. An element that is not a number (or is null) is a missing value; input that
 * is not an array gives null. Positions are zero-based; the regression's x runs 1..n as in Kusto.
 * <ul>
 *   <li>{@code series_stats_dynamic(s [, ignore_nonfinite])}: a bag of min, min_idx, max, max_idx, avg,
 *   stdev, variance (both of a sample), sum and len; {@code series_stats} gives the first seven as columns.
 *   Without {@code ignore_nonfinite}, a series holding a missing or non-finite value has null statistics.</li>
 *   <li>{@code series_fit_line_dynamic(s)}: least squares over the present values: rsquare, slope,
 *   variance, rvariance (sample variances of the values and of the residuals), interception and
 *   line_fit; {@code series_fit_line} gives them as columns.</li>
 *   <li>{@code series_outliers(s [, kind, ignore_val, min_percentile, max_percentile])}: Tukey's test.
 *   With q1, q3 the low and high percentiles (25/75 for "tukey", by default 10/90 for "ctukey", linearly
 *   interpolated), a value above q3 scores (x - q3) / (q3 - q1), below q1 (x - q1) / (q3 - q1), else 0;
 *   missing and ignored values score 0. A zero range divides by 1.</li>
 * </ul>
 * Decomposition is in {@link SeriesDecomposition}, period detection in {@link SeriesPeriods}.
 */
final class SeriesFunctions {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType BOOL = KqlType.BOOL;

    static final FunctionDeclaration STATS = FunctionDeclaration.scalar("series_stats_dynamic", ColumnNaming.NONE,
            optional(DYNAMIC, a -> stats(a.get(0), a.get(1)), List.of(DYNAMIC, BOOL), 1, List.of("FALSE")));
    static final FunctionDeclaration FIT_LINE = FunctionDeclaration.scalar("series_fit_line_dynamic", ColumnNaming.NONE,
            List.of(Signature.of(DYNAMIC, a -> fitLine(a.sql(0)), DYNAMIC)));

    static final MultiValueFunction STATS_COLUMNS = new MultiValueFunction(STATS, List.of(
            new ResultPart("min", REAL), new ResultPart("min_idx", LONG), new ResultPart("max", REAL), new ResultPart("max_idx", LONG),
            new ResultPart("avg", REAL), new ResultPart("stdev", REAL), new ResultPart("variance", REAL)));
    static final MultiValueFunction FIT_LINE_COLUMNS = new MultiValueFunction(FIT_LINE, List.of(
            new ResultPart("rsquare", REAL), new ResultPart("slope", REAL), new ResultPart("variance", REAL),
            new ResultPart("rvariance", REAL), new ResultPart("interception", REAL), new ResultPart("line_fit", DYNAMIC)));

    private SeriesFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                STATS,
                FIT_LINE,
                FunctionDeclaration.scalar("series_stats", ColumnNaming.NONE, firstPart(STATS_COLUMNS)),
                FunctionDeclaration.scalar("series_fit_line", ColumnNaming.NONE, firstPart(FIT_LINE_COLUMNS)),
                FunctionDeclaration.scalar("series_outliers", ColumnNaming.FIRST_ARGUMENT, optional(DYNAMIC,
                        a -> SharedValue.let(values(a.get(0)), l -> "to_json(" + outliers(l, "len(" + l + ")", a.get(1), a.get(2), a.get(3), a.get(4)) + ")"),
                        List.of(DYNAMIC, STRING, REAL, REAL, REAL), 1, List.of("'ctukey'", "CAST(NULL AS DOUBLE)", "10.0", "90.0"))));
    }

    /** The functions that give several values, by name: their bag and its parts. */
    static List<MultiValueFunction> multiValued() {
        return List.of(STATS_COLUMNS, FIT_LINE_COLUMNS);
    }

    /** The bag function's signatures, each giving only the first part of the bag as its value. */
    static List<Signature> firstPart(MultiValueFunction function) {
        ResultPart first = function.parts().get(0);
        List<Signature> signatures = new ArrayList<>();
        for (Signature signature : function.bag().signatures()) {
            signatures.add(new Signature(signature.parameters(), first.type(),
                    a -> OperatorFunctions.propertyAs(signature.rendering().render(a), first.name(), first.type(), a), signature.variadic(), false));
        }
        return signatures;
    }

    /** Signatures for {@code required} to all of {@code types}; a missing argument is its default SQL. */
    static List<Signature> optional(KqlType result, Function<List<String>, String> render, List<KqlType> types, int required,
                                            List<String> defaults) {
        List<Signature> signatures = new ArrayList<>();
        for (int count = required; count <= types.size(); count++) {
            int given = count;
            signatures.add(new Signature(types.subList(0, count), result, a -> {
                List<String> arguments = new ArrayList<>();
                for (int i = 0; i < types.size(); i++) {
                    arguments.add(i < given ? a.sql(i) : defaults.get(i - required));
                }
                return render.apply(arguments);
            }, false, false));
        }
        return signatures;
    }

    /** The elements of a dynamic array as DuckDB doubles (null where not a number); null when it is not an array. */
    static String values(String dynamic) {
        return SharedValue.let(dynamic, d -> "CASE WHEN json_type(" + d + ") = 'ARRAY' THEN list_transform(CAST(" + d
                + " AS JSON[]), lambda __e: TRY_CAST(__e AS DOUBLE)) END");
    }

    private static String stats(String series, String ignoreNonFinite) {
        return SharedValue.let(values(series), l -> SharedValue.let("CASE WHEN " + ignoreNonFinite + " THEN list_filter(" + l
                + ", lambda __f: isfinite(__f)) WHEN len(list_filter(" + l + ", lambda __f: isfinite(__f))) = len(" + l + ") THEN " + l + " END",
                u -> {
                    String min = "list_aggregate(" + u + ", 'min')";
                    String max = "list_aggregate(" + u + ", 'max')";
                    return "CASE WHEN " + l + " IS NOT NULL THEN json_object('min', " + min + ", 'min_idx', " + position(l, min)
                            + ", 'max', " + max + ", 'max_idx', " + position(l, max) + ", 'avg', list_aggregate(" + u + ", 'avg'), "
                            + "'stdev', list_aggregate(" + u + ", 'stddev_samp'), 'variance', list_aggregate(" + u + ", 'var_samp'), "
                            + "'sum', CASE WHEN " + u + " IS NOT NULL THEN coalesce(list_aggregate(" + u + ", 'sum'), 0.0) END, "
                            + "'len', len(" + l + ")) END";
                }));
    }

    private static String position(String list, String value) {
        return "CASE WHEN " + value + " IS NOT NULL THEN list_position(" + list + ", " + value + ") - 1 END";
    }

    /** Least squares of the finite values at positions 1..limit, as a struct of slope and intercept (x runs 1..n). */
    static String regression(String list, String limit) {
        String points = "list_filter(list_transform(" + list + ", lambda __ry, __rx: {'x': CAST(__rx AS DOUBLE), 'y': __ry}), "
                + "lambda __rp: isfinite(__rp.y) AND __rp.x <= " + limit + ")";
        return SharedValue.let(points, p -> SharedValue.let("{'x': list_aggregate(list_transform(" + p + ", lambda __ra: __ra.x), 'avg'), "
                + "'y': list_aggregate(list_transform(" + p + ", lambda __rb: __rb.y), 'avg')}", m -> {
                    String sxy = "list_sum(list_transform(" + p + ", lambda __rc: (__rc.x - " + m + ".x) * (__rc.y - " + m + ".y)))";
                    String sxx = "list_sum(list_transform(" + p + ", lambda __rd: (__rd.x - " + m + ".x) * (__rd.x - " + m + ".x)))";
                    // a single point (or none) gives a flat line through the mean
                    String slope = "CASE WHEN " + sxx + " > 0 THEN " + sxy + " / " + sxx + " WHEN " + m + ".y IS NOT NULL THEN 0.0 END";
                    return "{'slope': " + slope + ", 'intercept': " + m + ".y - (" + slope + ") * " + m + ".x}";
                }));
    }

    private static String fitLine(String series) {
        return SharedValue.let(values(series), l -> SharedValue.let(regression(l, "len(" + l + ")"), f -> {
            String line = "list_transform(" + l + ", lambda __fy, __fx: " + f + ".slope * __fx + " + f + ".intercept)";
            String residuals = "list_filter(list_transform(" + l + ", lambda __gy, __gx: __gy - (" + f + ".slope * __gx + " + f
                    + ".intercept)), lambda __gr: isfinite(__gr))";
            String variance = "list_aggregate(list_filter(" + l + ", lambda __hv: isfinite(__hv)), 'var_samp')";
            String rvariance = "list_aggregate(" + residuals + ", 'var_samp')";
            // a constant series is fitted exactly
            String rsquare = "CASE WHEN " + variance + " = 0 THEN 1.0 ELSE 1.0 - " + rvariance + " / " + variance + " END";
            return "CASE WHEN " + l + " IS NOT NULL THEN json_object('rsquare', " + rsquare + ", 'slope', " + f + ".slope, 'variance', "
                    + variance + ", 'rvariance', " + rvariance + ", 'interception', " + f + ".intercept, 'line_fit', " + line + ") END";
        }));
    }

    /**
     * Tukey scores (a DuckDB list) of the values of {@code list}; the percentiles come from the
     * finite, not ignored values at positions 1..limit.
     */
    static String outliers(String list, String limit, String kind, String ignore, String minPercentile, String maxPercentile) {
        String learned = "list_sort(list_filter(list_transform(" + list + ", lambda __oy, __ox: CASE WHEN __ox <= " + limit
                + " THEN __oy END), lambda __ov: isfinite(__ov) AND __ov IS DISTINCT FROM " + ignore + "))";
        return SharedValue.let(learned, sorted -> {
            String low = "CASE WHEN " + kind + " = 'tukey' THEN 0.25 ELSE " + minPercentile + " / 100.0 END";
            String high = "CASE WHEN " + kind + " = 'tukey' THEN 0.75 ELSE " + maxPercentile + " / 100.0 END";
            return SharedValue.let("{'lo': " + quantile(sorted, low, "__ql") + ", 'hi': " + quantile(sorted, high, "__qh") + "}", q -> {
                String range = "(CASE WHEN " + q + ".hi - " + q + ".lo > 0 THEN " + q + ".hi - " + q + ".lo ELSE 1.0 END)";
                return "list_transform(" + list + ", lambda __sy: CASE WHEN NOT isfinite(__sy) OR __sy IS NOT DISTINCT FROM " + ignore
                        + " THEN 0.0 WHEN __sy > " + q + ".hi THEN (__sy - " + q + ".hi) / " + range + " WHEN __sy < " + q + ".lo THEN (__sy - "
                        + q + ".lo) / " + range + " ELSE 0.0 END)";
            });
        });
    }

    /** The {@code fraction} quantile of a sorted list, linearly interpolated between neighbours; null for an empty list. */
    private static String quantile(String sorted, String fraction, String parameter) {
        String index = "CAST(floor(" + parameter + ") AS BIGINT)";
        return "list_transform([(" + fraction + ") * (len(" + sorted + ") - 1)], lambda " + parameter + ": " + sorted + "[" + index + " + 1] + ("
                + parameter + " - floor(" + parameter + ")) * (" + sorted + "[least(" + index + " + 2, len(" + sorted + "))] - " + sorted + "["
                + index + " + 1]))[1]";
    }
}
