package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * {@code regex_quote} (the text as a regular expression matching exactly it: RE2's quoting, as Kusto's) and
 * {@code indexof_regex(text, regex [, start [, length [, occurrence]]])}: where the occurrence-th match starts
 * (matches do not overlap), looking at length characters from start (-1: to the end); -1 when there is none,
 * null for a negative start or occurrence or a length below -1.
 */
final class RegexFunctions {
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType LONG = KqlType.LONG;

    private RegexFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("regex_quote", ColumnNaming.NONE, List.of(
                        Signature.of(STRING, a -> "regexp_escape(" + a.sql(0) + ")", STRING))),
                FunctionDeclaration.scalar("indexof_regex", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, a -> indexOf(a, "0", "-1", "1"), STRING, STRING),
                        Signature.of(LONG, a -> indexOf(a, a.sql(2), "-1", "1"), STRING, STRING, LONG),
                        Signature.of(LONG, a -> indexOf(a, a.sql(2), a.sql(3), "1"), STRING, STRING, LONG, LONG),
                        Signature.of(LONG, a -> indexOf(a, a.sql(2), a.sql(3), a.sql(4)), STRING, STRING, LONG, LONG, LONG))));
    }

    /**
     * The text before the occurrence-th match is what {@code ^((?:.*?(?:P)){n-1}.*?)(?:P)} captures: each lazy
     * step stops at the next match, as a scan for non-overlapping matches does.
     */
    private static String indexOf(RenderArguments a, String startSql, String lengthSql, String occurrenceSql) {
        return SharedValue.let(startSql, start -> SharedValue.let(lengthSql, length -> SharedValue.let(occurrenceSql, occurrence -> {
            String region = "substring(" + a.sql(0) + ", " + start + " + 1, CASE WHEN " + length + " = -1 THEN greatest(length(" + a.sql(0)
                    + "), 0) ELSE " + length + " END)";
            String pattern = "'(?s)^((?:.*?(?:' || " + a.sql(1) + " || ')){' || greatest(" + occurrence + " - 1, 0) || '}.*?)(?:' || " + a.sql(1)
                    + " || ')'";
            return SharedValue.let(region, r -> SharedValue.let(pattern, p -> "CAST(CASE WHEN " + start + " < 0 OR " + occurrence + " < 0 OR "
                    + length + " < -1 THEN NULL WHEN regexp_matches(" + r + ", " + p + ") THEN " + start + " + length(regexp_extract(" + r + ", "
                    + p + ", 1)) ELSE -1 END AS BIGINT)"));
        })));
    }
}
