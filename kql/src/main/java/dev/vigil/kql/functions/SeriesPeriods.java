package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finding the periods of a series, by autocorrelation. The series (missing values count as its
 * mean) has its least-squares line taken away, so a trend does not look like a long period; the
 * score of a period p is the correlation of the series with itself shifted by p bins, each lag's
 * sum averaged over its own overlap so that every whole cycle counts alike, clipped to 0..1.
 * A period is found where the score has a peak (above the score of p - 1, not below that of p + 1),
 * above the level that white noise rarely reaches by chance (3 / sqrt(n - p)), at least 4 bins long and at most
 * half the series. A peak at a multiple of a shorter found period that scores nearly as well (within
 * 10%) is the same pattern repeating and is not reported again.
 * <ul>
 *   <li>{@code series_periods_detect(s, min_period, max_period, num_periods)}: the {@code num_periods}
 *   best periods in [min_period, max_period], best first, as reals, with their scores; zeros fill the
 *   arrays when fewer are found.</li>
 *   <li>{@code series_periods_validate(s, period, ...)}: the score of each given period (rounded to whole
 *   bins); 0 for a period shorter than 4 bins or longer than half the series.</li>
 * </ul>
 * {@link SeriesDecomposition} uses the best period for a seasonality of -1.
 */
final class SeriesPeriods {
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType LONG = KqlType.LONG;
    /** A pattern must repeat over at least this many bins. */
    static final int SHORTEST_PERIOD = 4;

    // the bags behind the two functions; Kusto has no such functions, so they are not registered by name
    static final FunctionDeclaration DETECT = FunctionDeclaration.scalar("series_periods_detect_bag", ColumnNaming.NONE, List.of(
            Signature.of(DYNAMIC, a -> detectBag(a.sql(0), a.sql(1), a.sql(2), a.sql(3)), DYNAMIC, REAL, REAL, LONG)));
    static final FunctionDeclaration VALIDATE = FunctionDeclaration.scalar("series_periods_validate_bag", ColumnNaming.NONE, List.of(
            Signature.variadic(DYNAMIC, SeriesPeriods::validateBag, DYNAMIC, REAL)));

    static final MultiValueFunction DETECT_COLUMNS = new MultiValueFunction(DETECT, List.of(
            new ResultPart("periods", DYNAMIC), new ResultPart("scores", DYNAMIC)));
    static final MultiValueFunction VALIDATE_COLUMNS = new MultiValueFunction(VALIDATE, List.of(
            new ResultPart("periods", DYNAMIC), new ResultPart("scores", DYNAMIC)));

    private SeriesPeriods() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("series_periods_detect", ColumnNaming.NONE, SeriesFunctions.firstPart(DETECT_COLUMNS)),
                FunctionDeclaration.scalar("series_periods_validate", ColumnNaming.NONE, SeriesFunctions.firstPart(VALIDATE_COLUMNS)));
    }

    static List<MultiValueFunction> multiValued() {
        return List.of(DETECT_COLUMNS, VALIDATE_COLUMNS);
    }

    /**
     * The scores of lags 1 .. n / 2 + 1 (a DuckDB list, element k for lag k) of a list of doubles; all 0
     * when the series, less its line, is constant.
     */
    static String autocorrelation(String list) {
        return SharedValue.let(SeriesFunctions.regression(list, "len(" + list + ")"), fit -> {
            String centered = "list_transform(" + list + ", lambda __cy, __cx: CASE WHEN isfinite(__cy) THEN coalesce(__cy - (" + fit
                    + ".slope * __cx + " + fit + ".intercept), 0.0) ELSE 0.0 END)";
            return SharedValue.let(centered, c -> {
                String energy = "list_sum(list_transform(" + c + ", lambda __ce: __ce * __ce))";
                // the spread of the values themselves: a line fitted exactly leaves only rounding errors, which are no pattern
                String spread = "coalesce(list_aggregate(list_filter(" + list + ", lambda __cf: isfinite(__cf)), 'var_pop'), 0.0)"
                        + " * len(" + c + ")";
                return SharedValue.let("{'e': " + energy + ", 'flat': " + energy + " <= 1e-9 * " + spread + "}", power ->
                        "list_transform(range(1, len(" + c + ") // 2 + 2), lambda __k: CASE WHEN " + power + ".flat OR __k >= len(" + c
                                + ") THEN 0.0 ELSE list_dot_product(list_slice(" + c + ", 1, len(" + c + ") - __k), list_slice(" + c + ", __k + 1, len(" + c
                                + "))) / (len(" + c + ") - __k) / (" + power + ".e / len(" + c + ")) END)");
            });
        });
    }

    /**
     * The found periods of a list of doubles, best first: a DuckDB list of structs {@code {'o': -score, 'p': period}}
     * (at most {@code count}), periods within [minPeriod, maxPeriod].
     */
    static String found(String list, String minPeriod, String maxPeriod, String count) {
        return SharedValue.let(autocorrelation(list), r -> {
            String peaks = "list_filter(list_transform(" + r + ", lambda __pr, __pk: {'p': __pk, 's': least(__pr, 1.0), 'peak': __pk >= "
                    + SHORTEST_PERIOD + " AND __pk <= len(" + list + ") // 2 AND __pk >= " + minPeriod + " AND __pk <= " + maxPeriod
                    + " AND __pr > " + r + "[__pk - 1] AND __pr >= coalesce(" + r + "[__pk + 1], -1.0) AND __pr > 3.0 / sqrt(len(" + list
                    + ") - __pk)}), lambda __pf: __pf.peak)";
            return SharedValue.let(peaks, p -> {
                String own = "list_filter(" + p + ", lambda __pq: len(list_filter(" + p + ", lambda __pd: __pd.p < __pq.p AND __pq.p % __pd.p = 0"
                        + " AND __pd.s >= 0.9 * __pq.s)) = 0)";
                return "list_slice(list_sort(list_transform(" + own + ", lambda __po: {'o': -__po.s, 'p': __po.p})), 1, greatest(" + count
                        + ", 0))";
            });
        });
    }

    /** The best period of a list of doubles when its score reaches {@code threshold}, else 0. */
    static String bestPeriod(String list, String threshold) {
        return SharedValue.let(found(list, "0", "len(" + list + ")", "1"), best -> "coalesce(CASE WHEN -" + best + "[1].o >= " + threshold
                + " THEN " + best + "[1].p END, 0)");
    }

    private static String detectBag(String series, String minPeriod, String maxPeriod, String count) {
        return SharedValue.let(SeriesFunctions.values(series), l -> SharedValue.let(found(l, minPeriod, maxPeriod, count), best -> {
            String padding = "list_transform(range(greatest(" + count + " - len(" + best + "), 0)), lambda __pz: 0.0)";
            return "CASE WHEN " + l + " IS NOT NULL THEN json_object('periods', list_concat(list_transform(" + best
                    + ", lambda __pp: CAST(__pp.p AS DOUBLE)), " + padding + "), 'scores', list_concat(list_transform(" + best
                    + ", lambda __ps: -__ps.o), " + padding + ")) END";
        }));
    }

    private static String validateBag(RenderArguments a) {
        List<String> periods = new ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            periods.add("CAST(" + a.sql(i) + " AS DOUBLE)");
        }
        String given = "[" + String.join(", ", periods) + "]";
        return SharedValue.let(SeriesFunctions.values(a.sql(0)), l -> SharedValue.let(autocorrelation(l), r -> "CASE WHEN " + l
                + " IS NOT NULL THEN json_object('periods', " + given + ", 'scores', list_transform(" + given + ", lambda __vp: CASE WHEN __vp >= "
                + SHORTEST_PERIOD + " AND __vp <= len(" + l + ") / 2 THEN greatest(least(" + r + "[CAST(round(__vp) AS BIGINT)], 1.0), 0.0)"
                + " ELSE 0.0 END)) END"));
    }
}
