package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * {@code parse_version}: one to four dot-separated parts of up to eight digits each, missing parts 0, as one
 * decimal that orders as the versions do. Kusto's value is part1·10^24 + part2·10^16 + part3·10^8 + part4, which a
 * DECIMAL(38,18) cannot hold; Vigil's is that value divided by 10^18 (part1·10^6 + part2·10^-2 + ...), exact, and
 * ordered and compared the same way. Anything else gives null.
 */
final class VersionFunctions {
    private static final String SHAPE = "^[0-9]{1,8}(\\.[0-9]{1,8}){0,3}$";
    private static final String[] SHIFTS = {"1000000000000000000000000", "10000000000000000", "100000000", "1"};

    private VersionFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(FunctionDeclaration.scalar("parse_version", ColumnNaming.NONE, List.of(
                Signature.of(KqlType.DECIMAL, a -> SharedValue.let(a.sql(0), VersionFunctions::version), KqlType.STRING)))
                .withDeviation("the value is Kusto's divided by 10^18 (the same order and equality)"));
    }

    /** The parts as one HUGEINT (Kusto's value), written as a decimal with 18 fraction digits (Vigil's value). */
    private static String version(String text) {
        StringBuilder sum = new StringBuilder();
        for (int part = 0; part < SHIFTS.length; part++) {
            if (part > 0) {
                sum.append(" + ");
            }
            sum.append("coalesce(CAST(NULLIF(split_part(").append(text).append(", '.', ").append(part + 1)
                    .append("), '') AS HUGEINT), 0) * CAST(").append(SHIFTS[part]).append(" AS HUGEINT)");
        }
        return "CASE WHEN regexp_matches(" + text + ", '" + SHAPE + "') THEN " + SharedValue.let(sum.toString(),
                h -> "CAST(CAST(" + h + " // CAST(1000000000000000000 AS HUGEINT) AS VARCHAR) || '.' || lpad(CAST(" + h
                        + " % CAST(1000000000000000000 AS HUGEINT) AS VARCHAR), 18, '0') AS DECIMAL(38,18))") + " END";
    }
}
