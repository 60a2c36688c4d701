package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * The bitwise functions over longs ({@code binary_and}, {@code binary_or}, {@code binary_xor}, {@code binary_not},
 * the shifts and {@code bitset_count_ones}). A shift by less than 0 or more than 63 bits gives null; bits shifted
 * out on the left are lost, as in two's complement arithmetic.
 */
final class BitwiseFunctions {
    private static final KqlType LONG = KqlType.LONG;

    private BitwiseFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                scalar("binary_and", Signature.of(LONG, a -> "(" + a.sql(0) + " & " + a.sql(1) + ")", LONG, LONG)),
                scalar("binary_or", Signature.of(LONG, a -> "(" + a.sql(0) + " | " + a.sql(1) + ")", LONG, LONG)),
                scalar("binary_xor", Signature.of(LONG, a -> "xor(" + a.sql(0) + ", " + a.sql(1) + ")", LONG, LONG)),
                scalar("binary_not", Signature.of(LONG, a -> "(~" + a.sql(0) + ")", LONG)),
                scalar("binary_shift_left", Signature.of(LONG, a -> SharedValue.let(a.sql(1), bits -> "CASE WHEN " + bits
                        + " BETWEEN 0 AND 63 THEN " + shiftedLeft(a.sql(0), bits) + " END"), LONG, LONG)),
                scalar("binary_shift_right", Signature.of(LONG, a -> SharedValue.let(a.sql(1), bits -> "CASE WHEN " + bits
                        + " BETWEEN 0 AND 63 THEN (" + a.sql(0) + " >> " + bits + ") END"), LONG, LONG)),
                scalar("bitset_count_ones", Signature.of(LONG, a -> "CAST(bit_count(" + a.sql(0) + ") AS BIGINT)", LONG)));
    }

    /** Kusto names the bitwise functions' results after their first argument. */
    private static FunctionDeclaration scalar(String name, Signature signature) {
        return FunctionDeclaration.scalar(name, ColumnNaming.FIRST_ARGUMENT, List.of(signature));
    }

    /** DuckDB refuses a signed left shift that overflows; the shift is done on the unsigned bits and read back. */
    private static String shiftedLeft(String value, String bits) {
        return "CAST(CAST(CAST(" + value + " AS BIT) << CAST(" + bits + " AS INTEGER) AS BIT) AS BIGINT)";
    }
}
