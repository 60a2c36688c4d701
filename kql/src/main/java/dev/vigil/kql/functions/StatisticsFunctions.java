package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * The gamma and beta functions: {@code gamma}, {@code loggamma} (the log of the absolute value of gamma; both null at
 * zero and the negative integers, where gamma has poles), the beta distribution's {@code beta_pdf}, {@code beta_cdf}
 * and {@code beta_inv} (NaN outside 0 &lt; x &lt; 1 for the density, outside 0 ≤ x ≤ 1 for the distribution and its
 * inverse, and for parameters that are not positive), and {@code welch_test}, the two-sided p-value of Welch's t-test.
 * The incomplete beta function is a power series of 1,000 terms: exact to double precision while a + b is below about
 * a thousand, less precise beyond.
 */
final class StatisticsFunctions {
    private static final KqlType REAL = KqlType.REAL;
    /** Terms of the incomplete beta series: enough for double precision while a + b is below about a thousand. */
    private static final int SERIES_TERMS = 1000;
    /** Terms of the erf series: the terms fall below 1e-17 of the sum by then for |x| &lt; 6. */
    private static final int ERF_TERMS = 150;
    /** Halvings of [0, 1] for beta_inv: 2^-50 is about a double's resolution near 1. */
    private static final int BISECTIONS = 50;

    private static final String PRECISION = "a series of 1,000 terms: less precise where a + b is in the thousands";

    private StatisticsFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("gamma", ColumnNaming.FIRST_ARGUMENT, List.of(Signature.of(REAL, a -> offPoles(a.sql(0), "gamma"), REAL))),
                FunctionDeclaration.scalar("loggamma", ColumnNaming.FIRST_ARGUMENT, List.of(Signature.of(REAL, a -> offPoles(a.sql(0), "lgamma"), REAL))),
                FunctionDeclaration.scalar("beta_pdf", ColumnNaming.NONE, List.of(Signature.of(REAL, StatisticsFunctions::density, REAL, REAL, REAL))),
                FunctionDeclaration.scalar("beta_cdf", ColumnNaming.NONE, List.of(Signature.of(REAL, StatisticsFunctions::distribution, REAL, REAL,
                        REAL))).withDeviation(PRECISION),
                FunctionDeclaration.scalar("beta_inv", ColumnNaming.NONE, List.of(Signature.of(REAL, StatisticsFunctions::inverse, REAL, REAL,
                        REAL))).withDeviation(PRECISION),
                FunctionDeclaration.scalar("erf", ColumnNaming.NONE, List.of(Signature.of(REAL, a -> errorFunction(a.sql(0)), REAL))),
                FunctionDeclaration.scalar("erfc", ColumnNaming.NONE, List.of(Signature.of(REAL, a -> "(1 - " + errorFunction(a.sql(0)) + ")", REAL)))
                        .withDeviation("computed as 1 - erf(x): no precision below about 1e-16"),
                FunctionDeclaration.scalar("welch_test", ColumnNaming.NONE, List.of(Signature.of(REAL, StatisticsFunctions::welch, REAL, REAL, REAL,
                        REAL, REAL, REAL))));
    }

    private static String offPoles(String value, String sqlFunction) {
        return SharedValue.let(value, v -> "CASE WHEN NOT (" + v + " <= 0 AND " + v + " = floor(" + v + ")) THEN " + sqlFunction + "(" + v + ") END");
    }

    /** x^(a-1) (1-x)^(b-1) / B(a, b), through logarithms. */
    private static String density(RenderArguments a) {
        return SharedValue.let(a.sql(0), x -> SharedValue.let(a.sql(1), alpha -> SharedValue.let(a.sql(2), beta -> "CASE WHEN " + x + " > 0 AND "
                + x + " < 1 AND " + alpha + " > 0 AND " + beta + " > 0 THEN exp((" + alpha + " - 1) * ln(" + x + ") + (" + beta + " - 1) * ln(1 - "
                + x + ") + lgamma(" + alpha + " + " + beta + ") - lgamma(" + alpha + ") - lgamma(" + beta + ")) ELSE 'NaN'::DOUBLE END")));
    }

    private static String distribution(RenderArguments a) {
        return SharedValue.let(a.sql(0), x -> SharedValue.let(a.sql(1), alpha -> SharedValue.let(a.sql(2), beta -> "CASE WHEN " + x + " >= 0 AND "
                + x + " <= 1 AND " + alpha + " > 0 AND " + beta + " > 0 THEN " + regularizedBeta(x, alpha, beta) + " ELSE 'NaN'::DOUBLE END")));
    }

    /** beta_inv(p, a, b): the x whose beta_cdf is p, by bisection of [0, 1]. */
    private static String inverse(RenderArguments a) {
        return SharedValue.let(a.sql(0), p -> SharedValue.let(a.sql(1), alpha -> SharedValue.let(a.sql(2), beta -> {
            String middle = "((__bs.lo + __bs.hi) / 2)";
            String steps = "list_prepend({'lo': CAST(0 AS DOUBLE), 'hi': CAST(1 AS DOUBLE)}, list_transform(range(" + BISECTIONS
                    + "), lambda __bi: {'lo': CAST(0 AS DOUBLE), 'hi': CAST(0 AS DOUBLE)}))";
            String halved = "list_reduce(" + steps + ", lambda __bs, __bn: CASE WHEN " + regularizedBeta(middle, alpha, beta) + " < " + p
                    + " THEN {'lo': " + middle + ", 'hi': __bs.hi} ELSE {'lo': __bs.lo, 'hi': " + middle + "} END)";
            return "CASE WHEN " + p + " >= 0 AND " + p + " <= 1 AND " + alpha + " > 0 AND " + beta + " > 0 THEN (" + halved + ").lo ELSE 'NaN'::DOUBLE END";
        })));
    }

    /**
     * welch_test(mean1, variance1, count1, mean2, variance2, count2): t = (m1 − m2) / √(v1/n1 + v2/n2) with the
     * Welch–Satterthwaite degrees of freedom ν; the two-sided p-value is I_(ν/(ν+t²))(ν/2, 1/2).
     */
    private static String welch(RenderArguments a) {
        return SharedValue.let("(" + a.sql(1) + " / " + a.sql(2) + ")", s1 -> SharedValue.let("(" + a.sql(4) + " / " + a.sql(5) + ")", s2 -> {
            String t2 = "((" + a.sql(0) + " - " + a.sql(3) + ") * (" + a.sql(0) + " - " + a.sql(3) + ") / (" + s1 + " + " + s2 + "))";
            String freedom = "((" + s1 + " + " + s2 + ") * (" + s1 + " + " + s2 + ") / (" + s1 + " * " + s1 + " / (" + a.sql(2) + " - 1) + " + s2
                    + " * " + s2 + " / (" + a.sql(5) + " - 1)))";
            return SharedValue.let(freedom, nu -> SharedValue.let(t2, t -> regularizedBeta("(" + nu + " / (" + nu + " + " + t + "))", "(" + nu
                    + " / 2)", "0.5")));
        }));
    }

    /**
     * erf(x) = 2/√π e^(−x²) Σ 2^n x^(2n+1) / (1·3·5···(2n+1)): every term is positive, so nothing cancels; each is computed
     * on its own through lgamma. Beyond |x| = 6, erf is ±1 to double precision.
     */
    private static String errorFunction(String value) {
        return SharedValue.let("CAST(" + value + " AS DOUBLE)", x -> "CASE WHEN " + x + " = 0 THEN 0.0 WHEN abs(" + x + ") >= 6 THEN sign(" + x
                + ") * 1.0 ELSE sign(" + x + ") * 2 / sqrt(pi()) * list_sum(list_transform(range(" + ERF_TERMS + "), lambda __en: exp(-(" + x + " * "
                + x + ") + 2 * __en * ln(2) + (2 * __en + 1) * ln(abs(" + x + ")) - lgamma(2 * __en + 2) + lgamma(__en + 1)))) END");
    }

    /** I_x(a, b) for 0 ≤ x ≤ 1: the series where it converges fast, through I_x(a, b) = 1 − I_(1−x)(b, a) elsewhere. */
    private static String regularizedBeta(String x, String alpha, String beta) {
        return SharedValue.let(x, v -> "CASE WHEN " + v + " <= 0 THEN 0.0 WHEN " + v + " >= 1 THEN 1.0 WHEN " + v + " < (" + alpha + " + 1) / (" + alpha
                + " + " + beta + " + 2) THEN " + series(v, alpha, beta) + " ELSE 1 - " + series("(1 - " + v + ")", beta, alpha) + " END");
    }

    /**
     * x^a (1−x)^b / (a B(a, b)) Σ t_n with t_n = Γ(a+b+n) Γ(a+1) / (Γ(a+b) Γ(a+1+n)) x^n: each term is computed on its own
     * (no error carried from term to term), all at once as one list, which DuckDB evaluates far faster than a step-by-step
     * recurrence. Below the distribution's mean the terms fall at least geometrically.
     */
    private static String series(String x, String alpha, String beta) {
        String front = "exp(" + alpha + " * ln(" + x + ") + " + beta + " * ln(1 - " + x + ") + lgamma(" + alpha + " + " + beta + ") - lgamma("
                + alpha + ") - lgamma(" + beta + ")) / " + alpha;
        String term = "exp(__bn * ln(" + x + ") + lgamma(" + alpha + " + " + beta + " + __bn) - lgamma(" + alpha + " + " + beta + ") - lgamma("
                + alpha + " + 1 + __bn) + lgamma(" + alpha + " + 1))";
        return "(" + front + " * list_sum(list_transform(range(" + SERIES_TERMS + "), lambda __bn: " + term + ")))";
    }
}
