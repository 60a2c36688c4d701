package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * {@code tohex(n [, min_length])}: the two's complement hex of a long, lowercase, padded with zeros to min_length;
 * {@code format_bytes(size [, precision [, unit]])}: a size in bytes as text in 1024-based units (Bytes, KB, MB, GB,
 * TB, PB), the largest unit the size reaches unless one is named, rounded to {@code precision} digits (0).
 */
final class FormatFunctions {
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType REAL = KqlType.REAL;
    private static final KqlType STRING = KqlType.STRING;
    private static final String UNITS = "['Bytes', 'KB', 'MB', 'GB', 'TB', 'PB']";

    private FormatFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                FunctionDeclaration.scalar("format_bytes", ColumnNaming.NONE, List.of(
                        Signature.of(STRING, a -> bytes(a.sql(0), "0", "''"), REAL),
                        Signature.of(STRING, a -> bytes(a.sql(0), a.sql(1), "''"), REAL, LONG),
                        Signature.of(STRING, a -> bytes(a.sql(0), a.sql(1), a.sql(2)), REAL, LONG, STRING))),
                FunctionDeclaration.scalar("tohex", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(STRING, a -> "lower(hex(" + a.sql(0) + "))", LONG),
                        Signature.of(STRING, a -> "lpad(lower(hex(" + a.sql(0) + ")), CAST(greatest(" + a.sql(1) + ", length(hex(" + a.sql(0)
                                + "))) AS INTEGER), '0')", LONG, LONG))));
    }

    private static String bytes(String size, String precision, String unit) {
        return SharedValue.let(size, v -> SharedValue.let(unit, u -> {
            String automatic = "CASE WHEN abs(" + v + ") < 1024 THEN 0 ELSE least(CAST(floor(log2(abs(" + v + ")) / 10) AS INTEGER), 5) END";
            String power = "CASE WHEN " + u + " = '' THEN " + automatic + " ELSE list_position(" + UNITS + ", " + u + ") - 1 END";
            return SharedValue.let(power, k -> "CASE WHEN " + k + " IS NOT NULL THEN " + Conversions.text(REAL, "round(" + v + " / pow(1024, " + k
                    + "), CAST(" + precision + " AS INTEGER))") + " || ' ' || " + UNITS + "[" + k + " + 1] ELSE '' END");
        }));
    }

}
