package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * Series decomposition and the anomaly detection built on it.
 * <ul>
 *   <li>{@code series_decompose(s [, seasonality, trend, test_points, seasonality_threshold])}: the
 *   seasonal part is the median of the values in the same phase of the period; the trend is the
 *   average ({@code "avg"}, the default), the regression line ({@code "linefit"}) or 0 ({@code "none"})
 *   of what the seasonal part leaves; the baseline is their sum and the residual the value less the
 *   baseline. A seasonality of -1 (the default) takes the best period {@link SeriesPeriods} finds
 *   when its score reaches {@code seasonality_threshold} (0.6), and none otherwise; 0 means none.
 *   The last {@code test_points} values are left out of the learning (period, medians, trend).</li>
 *   <li>{@code series_decompose_forecast(s, points [, seasonality, trend, seasonality_threshold])}: the baseline of
 *   the decomposition that learns from all but the last {@code points} values, so the trailing points are forecast.</li>
 *   <li>{@code series_seasonal(s [, period])}: the seasonal part alone, a period of -1 (the default) found with a score
 *   of 0.7 at least, 0 or no period found giving zeros.</li>
 *   <li>{@code series_decompose_anomalies(s [, threshold, seasonality, trend, test_points, ad_method,
 *   seasonality_threshold])}: the residuals scored with {@code series_outliers} ({@code ad_method},
 *   "ctukey" by default, learning from the same values) and flagged +1/-1 beyond the threshold (1.5).</li>
 * </ul>
 */
final class SeriesDecomposition {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType STRING = KqlType.STRING;
    private static final String DEFAULT_SEASONALITY_THRESHOLD = "0.6";
    /** series_seasonal detects a period as series_periods_detect would, with this score at least. */
    private static final String SEASONAL_THRESHOLD = "0.7";

    // the bags behind the two functions; Kusto has no such functions, so they are not registered by name
    static final FunctionDeclaration DECOMPOSE = FunctionDeclaration.scalar("series_decompose_bag", ColumnNaming.NONE,
            SeriesFunctions.optional(DYNAMIC, a -> decomposeBag(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4)),
                    List.of(DYNAMIC, LONG, STRING, LONG, REAL), 1, List.of("-1", "'avg'", "0", DEFAULT_SEASONALITY_THRESHOLD)));
    static final FunctionDeclaration ANOMALIES = FunctionDeclaration.scalar("series_decompose_anomalies_bag", ColumnNaming.NONE,
            SeriesFunctions.optional(DYNAMIC, SeriesDecomposition::anomaliesBag, List.of(DYNAMIC, REAL, LONG, STRING, LONG, STRING, REAL), 1,
                    List.of("1.5", "-1", "'avg'", "0", "'ctukey'", DEFAULT_SEASONALITY_THRESHOLD)));

    static final MultiValueFunction DECOMPOSE_COLUMNS = new MultiValueFunction(DECOMPOSE, List.of(
            new ResultPart("baseline", DYNAMIC), new ResultPart("seasonal", DYNAMIC), new ResultPart("trend", DYNAMIC),
            new ResultPart("residual", DYNAMIC)));
    static final MultiValueFunction ANOMALIES_COLUMNS = new MultiValueFunction(ANOMALIES, List.of(
            new ResultPart("ad_flag", DYNAMIC), new ResultPart("ad_score", DYNAMIC), new ResultPart("baseline", DYNAMIC)));

    private SeriesDecomposition() {
    }

    static List<FunctionDeclaration> declarations() {
        // on its own, each gives its first value
        return List.of(
                FunctionDeclaration.scalar("series_decompose", ColumnNaming.NONE, SeriesFunctions.firstPart(DECOMPOSE_COLUMNS)),
                FunctionDeclaration.scalar("series_decompose_anomalies", ColumnNaming.NONE, SeriesFunctions.firstPart(ANOMALIES_COLUMNS)),
                FunctionDeclaration.scalar("series_seasonal", ColumnNaming.NONE, SeriesFunctions.optional(DYNAMIC, a -> decompose(a.get(0), a.get(1),
                        "'none'", "0", SEASONAL_THRESHOLD, (l, limit, seasonal, trend, baseline) -> "CASE WHEN " + l + " IS NOT NULL THEN to_json("
                        + seasonal + ") END"), List.of(DYNAMIC, LONG), 1, List.of("-1")))
                        .withDeviation("a period of -1 is found by Vigil's own scoring (see series_periods_detect)"),
                FunctionDeclaration.scalar("series_decompose_forecast", ColumnNaming.NONE, SeriesFunctions.optional(DYNAMIC, a -> decompose(a.get(0),
                        a.get(2), a.get(3), a.get(1), a.get(4), (l, limit, seasonal, trend, baseline) -> "CASE WHEN " + l + " IS NOT NULL THEN to_json("
                        + baseline + ") END"), List.of(DYNAMIC, LONG, LONG, STRING, REAL), 2, List.of("-1", "'avg'", DEFAULT_SEASONALITY_THRESHOLD)))
                        .withDeviation("a seasonality of -1 is found by Vigil's own scoring (see series_periods_detect)"));
    }

    static List<MultiValueFunction> multiValued() {
        return List.of(DECOMPOSE_COLUMNS, ANOMALIES_COLUMNS);
    }

    /** The parts of a decomposition, written by {@code body} from the list of values, the learned length and the parts (DuckDB lists). */
    private interface Parts {
        String write(String values, String limit, String seasonal, String trend, String baseline);
    }

    private static String decompose(String series, String seasonality, String trend, String testPoints, String seasonalityThreshold, Parts body) {
        return SharedValue.let(SeriesFunctions.values(series), l -> SharedValue.let("greatest(len(" + l + ") - " + testPoints + ", 0)", limit -> {
            String learned = "list_slice(" + l + ", 1, " + limit + ")";
            String period = "CASE WHEN " + seasonality + " < 0 THEN " + SeriesPeriods.bestPeriod(learned, seasonalityThreshold) + " ELSE "
                    + seasonality + " END";
            return SharedValue.let(period, p -> {
                // the median of each phase, from every p-th learned value
                String medians = "list_transform(range(1, " + p + " + 1), lambda __dp: coalesce(list_aggregate(list_filter(list_slice(" + l
                        + ", __dp, " + limit + ", " + p + "), lambda __dv: isfinite(__dv)), 'median'), 0.0))";
                String seasonal = "CASE WHEN " + p + " > 0 THEN " + SharedValue.let(medians, m -> "list_transform(" + l + ", lambda __dy, __dx: "
                        + m + "[(__dx - 1) % " + p + " + 1])") + " ELSE list_transform(" + l + ", lambda __dz: 0.0) END";
                return SharedValue.let(seasonal, s -> SharedValue.let("list_transform(" + l + ", lambda __ky, __kx: __ky - " + s + "[__kx])",
                        rest -> {
                            String average = "list_aggregate(list_filter(list_transform(" + rest + ", lambda __ay, __ax: CASE WHEN __ax <= " + limit
                                    + " THEN __ay END), lambda __av: isfinite(__av)), 'avg')";
                            String trendValues = "CASE WHEN " + trend + " = 'linefit' THEN " + SharedValue.let(SeriesFunctions.regression(rest, limit),
                                    f -> "list_transform(" + l + ", lambda __ly, __lx: " + f + ".slope * __lx + " + f + ".intercept)")
                                    + " WHEN " + trend + " = 'none' THEN list_transform(" + l + ", lambda __ny: 0.0) "
                                    + "ELSE list_transform(" + l + ", lambda __my: coalesce(" + average + ", 0.0)) END";
                            return SharedValue.let(trendValues, t -> SharedValue.let("list_transform(" + t + ", lambda __by, __bx: __by + " + s
                                    + "[__bx])", baseline -> body.write(l, limit, s, t, baseline)));
                        }));
            });
        }));
    }

    private static String residual(String values, String baseline) {
        return "list_transform(" + values + ", lambda __zy, __zx: __zy - " + baseline + "[__zx])";
    }

    private static String decomposeBag(String series, String seasonality, String trend, String testPoints, String threshold) {
        return decompose(series, seasonality, trend, testPoints, threshold, (l, limit, seasonal, trendValues, baseline) ->
                "CASE WHEN " + l + " IS NOT NULL THEN json_object('baseline', " + baseline + ", 'seasonal', " + seasonal + ", 'trend', "
                        + trendValues + ", 'residual', " + residual(l, baseline) + ") END");
    }

    private static String anomaliesBag(List<String> a) {
        String threshold = a.get(1);
        return decompose(a.get(0), a.get(2), a.get(3), a.get(4), a.get(6), (l, limit, seasonal, trendValues, baseline) ->
                SharedValue.let(SeriesFunctions.outliers(residual(l, baseline), limit, a.get(5), "CAST(NULL AS DOUBLE)", "10.0", "90.0"), score ->
                        "CASE WHEN " + l + " IS NOT NULL THEN json_object('ad_flag', list_transform(" + score
                                + ", lambda __af: CASE WHEN __af > " + threshold + " THEN 1 WHEN __af < -(" + threshold
                                + ") THEN -1 ELSE 0 END), 'ad_score', " + score + ", 'baseline', " + baseline + ") END"));
    }
}
