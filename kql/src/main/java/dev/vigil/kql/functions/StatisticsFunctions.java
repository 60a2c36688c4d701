package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * The gamma and beta functions: {@code gamma}, {@code loggamma} (the log of the absolute value of gamma; both null at
 * zero and the negative integers, where gamma has poles), the beta distribution's {@code beta_pdf}, {@code beta_cdf}
 * and {@code beta_inv} (NaN outside 0 &lt; x &lt; 1 for the density, outside 0 ≤ x ≤ 1 for the distribution and its
 * inverse, and for parameters that are not positive), and {@code welch_test}, the two-sided p-value of Welch's t-test.
 * The incomplete beta function is evaluated by its continued fraction (Lentz's method), as numerical libraries do.
 */
final class StatisticsFunctions {
    private static final KqlType REAL = KqlType.REAL;
    /** Steps of the continued fraction: it converges in about the square root of the larger parameter. */
    private static final int FRACTION_STEPS = 300;
    /** Halvings of [0, 1] for beta_inv: 2^-60 is below a double's resolution there. */
    private static final int BISECTIONS = 60;

    private StatisticsFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("gamma", ColumnNaming.FIRST_ARGUMENT, List.of(Signature.of(REAL, a -> offPoles(a.sql(0), "gamma"), REAL))),
                FunctionDeclaration.scalar("loggamma", ColumnNaming.FIRST_ARGUMENT, List.of(Signature.of(REAL, a -> offPoles(a.sql(0), "lgamma"), REAL))),
                FunctionDeclaration.scalar("beta_pdf", ColumnNaming.NONE, List.of(Signature.of(REAL, StatisticsFunctions::density, REAL, REAL, REAL))),
                FunctionDeclaration.scalar("beta_cdf", ColumnNaming.NONE, List.of(Signature.of(REAL, StatisticsFunctions::distribution, REAL, REAL,
                        REAL))),
                FunctionDeclaration.scalar("beta_inv", ColumnNaming.NONE, List.of(Signature.of(REAL, StatisticsFunctions::inverse, REAL, REAL,
                        REAL))),
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

    /** I_x(a, b) for 0 ≤ x ≤ 1: the continued fraction where it converges fast, through I_x(a, b) = 1 − I_(1−x)(b, a) elsewhere. */
    private static String regularizedBeta(String x, String alpha, String beta) {
        return SharedValue.let(x, v -> "CASE WHEN " + v + " <= 0 THEN 0.0 WHEN " + v + " >= 1 THEN 1.0 WHEN " + v + " < (" + alpha + " + 1) / (" + alpha
                + " + " + beta + " + 2) THEN " + fraction(v, alpha, beta) + " ELSE 1 - " + fraction("(1 - " + v + ")", beta, alpha) + " END");
    }

    /**
     * x^a (1−x)^b / (a B(a, b)) times the continued fraction 1/(1+ d1/(1+ d2/(1+ ...))), with d(2m+1) = −(a+m)(a+b+m)x /
     * ((a+2m)(a+2m+1)) and d(2m) = m(b−m)x / ((a+2m−1)(a+2m)), evaluated front to back by Lentz's method: each step
     * carries C and D and multiplies the result by C·D.
     */
    private static String fraction(String x, String a, String b) {
        String m = "__fs.m";
        String m2 = "(2 * " + m + ")";
        String even = "(" + m + " * (" + b + " - " + m + ") * " + x + " / ((" + a + " - 1 + " + m2 + ") * (" + a + " + " + m2 + ")))";
        String d1 = "(1 / (1 + " + even + " * __fa.d))";
        String c1 = "(1 + " + even + " / __fa.c)";
        String odd = "(-(" + a + " + " + m + ") * (" + a + " + " + b + " + " + m + ") * " + x + " / ((" + a + " + " + m2 + ") * (" + a + " + 1 + "
                + m2 + ")))";
        String d2 = "(1 / (1 + " + odd + " * " + d1 + "))";
        String c2 = "(1 + " + odd + " / " + c1 + ")";
        String first = "(1 / (1 - (" + a + " + " + b + ") * " + x + " / (" + a + " + 1)))";
        String steps = "list_prepend({'c': CAST(1 AS DOUBLE), 'd': " + first + ", 'h': " + first + ", 'm': CAST(0 AS BIGINT)}, list_transform(range(1, "
                + (FRACTION_STEPS + 1) + "), lambda __fm: {'c': CAST(0 AS DOUBLE), 'd': CAST(0 AS DOUBLE), 'h': CAST(0 AS DOUBLE), 'm': __fm}))";
        String reduced = "list_reduce(" + steps + ", lambda __fa, __fs: {'c': " + c2 + ", 'd': " + d2 + ", 'h': __fa.h * " + d1 + " * " + c1 + " * "
                + d2 + " * " + c2 + ", 'm': " + m + "})";
        String front = "exp(" + a + " * ln(" + x + ") + " + b + " * ln(1 - " + x + ") + lgamma(" + a + " + " + b + ") - lgamma(" + a + ") - lgamma("
                + b + "))";
        return "(" + front + " * (" + reduced + ").h / " + a + ")";
    }
}
