package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Finding the periods of a series by folding it: the score of a period p is the share of the series'
 * variance that the mean of each of its p phases explains, adjusted for the number of phases so that
 * noise scores about 0 (1 - (unexplained / (n - p)) / (total / (n - 1)), clipped to 0..1). Missing values
 * count as the mean. The series is scored both less its mean and less its regression line (so a trend
 * does not hide a pattern), and the better score counts.
 * A period is found where the score has a peak (above the score of p - 1, not below that of p + 1),
 * above 3 / sqrt(n - p), at least 4 bins long and at most half the series. A peak at a multiple of a
 * shorter found period that scores nearly as well (within 10%) is the same pattern repeating and is not
 * reported again.
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
                FunctionDeclaration.scalar("series_periods_detect", ColumnNaming.NONE, SeriesFunctions.firstPart(DETECT_COLUMNS))
                        .withDeviation("Vigil's own scoring (Kusto's is undocumented): the best period agrees, scores differ"),
                FunctionDeclaration.scalar("series_periods_validate", ColumnNaming.NONE, SeriesFunctions.firstPart(VALIDATE_COLUMNS)));
    }

    static List<MultiValueFunction> multiValued() {
        return List.of(DETECT_COLUMNS, VALIDATE_COLUMNS);
    }

    /**
     * The scores of periods 1 .. n / 2 + 1 (a DuckDB list, element p for period p) of a list of doubles: the better of
     * the scores of the values less their mean and of the values less their regression line (so that a trend does not
     * hide a pattern, while a pattern seen over few cycles, which a line fitted to it distorts, is still found).
     */
    static String scores(String list) {
        String mean = "list_aggregate(list_filter(" + list + ", lambda __cm: isfinite(__cm)), 'avg')";
        String centered = SharedValue.let(mean, m -> "list_transform(" + list + ", lambda __cy: CASE WHEN isfinite(__cy) THEN coalesce(__cy - "
                + m + ", 0.0) ELSE 0.0 END)");
        String detrended = SharedValue.let(SeriesFunctions.regression(list, "len(" + list + ")"), fit -> "list_transform(" + list
                + ", lambda __dy, __dx: CASE WHEN isfinite(__dy) THEN coalesce(__dy - (" + fit + ".slope * __dx + " + fit
                + ".intercept), 0.0) ELSE 0.0 END)");
        return SharedValue.let(foldingScores(list, centered), a -> SharedValue.let(foldingScores(list, detrended), b ->
                "list_transform(" + a + ", lambda __sa, __si: greatest(__sa, " + b + "[__si]))"));
    }

    /**
     * How much of the variance of {@code centered} (values with mean 0) the mean of each phase of a period explains, for
     * periods 1 .. n / 2 + 1, adjusted for the number of phases (so that noise scores about 0); 0 when the values are
     * constant (compared with the spread of the original {@code list}).
     */
    private static String foldingScores(String list, String centered) {
        return SharedValue.let(centered, c -> {
            String energy = "list_sum(list_transform(" + c + ", lambda __ce: __ce * __ce))";
            // a line fitted exactly leaves only rounding errors, which are no pattern
            String spread = "coalesce(list_aggregate(list_filter(" + list + ", lambda __cf: isfinite(__cf)), 'var_pop'), 0.0) * len(" + c + ")";
            // for each phase, (sum of its values)^2 / its count
            String explained = "list_sum(list_transform(range(1, __cp + 1), lambda __ch: list_transform([list_slice(" + c + ", __ch, len("
                    + c + "), __cp)], lambda __cs: list_sum(__cs) * list_sum(__cs) / len(__cs))[1]))";
            return SharedValue.let("{'e': " + energy + ", 'flat': " + energy + " <= 1e-9 * " + spread + "}", power ->
                    "list_transform(range(1, len(" + c + ") // 2 + 2), lambda __cp: CASE WHEN " + power + ".flat OR __cp >= len(" + c
                            + ") THEN 0.0 ELSE 1.0 - ((" + power + ".e - " + explained + ") / (len(" + c + ") - __cp)) / (" + power
                            + ".e / (len(" + c + ") - 1)) END)");
        });
    }

    /**
     * The found periods of a list of doubles, best first: a DuckDB list of structs {@code {'o': -score, 'p': period}}
     * (at most {@code count}), periods within [minPeriod, maxPeriod].
     */
    static String found(String list, String minPeriod, String maxPeriod, String count) {
        return SharedValue.let(scores(list), r -> {
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
        return SharedValue.let(SeriesFunctions.values(a.sql(0)), l -> SharedValue.let(scores(l), r -> "CASE WHEN " + l
                + " IS NOT NULL THEN json_object('periods', " + given + ", 'scores', list_transform(" + given + ", lambda __vp: CASE WHEN __vp >= "
                + SHORTEST_PERIOD + " AND __vp <= len(" + l + ") / 2 THEN greatest(least(" + r + "[CAST(round(__vp) AS BIGINT)], 1.0), 0.0)"
                + " ELSE 0.0 END)) END"));
    }
}
