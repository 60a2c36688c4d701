package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hash} and {@code hash_xxhash64}: Kusto computes both as xxHash64 (seed 0) of the value's bytes,
 * optionally modulo a number. Text hashes its UTF-8 bytes and datetime its 100-ns ticks since 0001-01-01
 * as 8 little-endian bytes (the documented examples confirm both); other numbers hash their 8-byte
 * little-endian value the same way. The hashing runs as Java functions the SQL calls.
 */
final class HashFunctions {
    private static final KqlType LONG = KqlType.LONG;
    private static final String TEXT = "vigil_xxhash64_text";
    private static final String NUMBER = "vigil_xxhash64_long";
    private static final String REAL = "vigil_xxhash64_real";
    private static final String DEVIATION = "string and datetime give Kusto's documented values; long, int, timespan, real and"
            + " bool hash their 8-byte little-endian value (int widened to long, bool as 0/1) and guid its text, which"
            + " Kusto's documentation does not confirm";

    private HashFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        List<Signature> signatures = signatures();
        return List.of(FunctionDeclaration.scalar("hash", ColumnNaming.NONE, signatures).withDeviation(DEVIATION),
                FunctionDeclaration.scalar("hash_xxhash64", ColumnNaming.NONE, signatures).withDeviation(DEVIATION));
    }

    static List<JavaFunction> javaFunctions() {
        return List.of(
                function(TEXT, KqlType.STRING, value -> ((String) value).getBytes(StandardCharsets.UTF_8)),
                function(NUMBER, LONG, value -> littleEndian((Long) value)),
                function(REAL, KqlType.REAL, value -> littleEndian(Double.doubleToLongBits((Double) value))));
    }

    private static List<Signature> signatures() {
        List<Signature> signatures = new ArrayList<>();
        add(signatures, KqlType.STRING, TEXT, value -> value);
        add(signatures, KqlType.GUID, TEXT, value -> "CAST(" + value + " AS VARCHAR)");
        add(signatures, LONG, NUMBER, value -> value);
        add(signatures, KqlType.INT, NUMBER, value -> "CAST(" + value + " AS BIGINT)");
        add(signatures, KqlType.TIMESPAN, NUMBER, value -> value);
        add(signatures, KqlType.BOOL, NUMBER, value -> "CAST(" + value + " AS BIGINT)");
        add(signatures, KqlType.DATETIME, NUMBER, DatetimeTicks::ticksFromYearOne);
        add(signatures, KqlType.REAL, REAL, value -> "CAST(" + value + " AS DOUBLE)");
        return signatures;
    }

    private static void add(List<Signature> signatures, KqlType type, String function,
                            java.util.function.UnaryOperator<String> operand) {
        signatures.add(Signature.of(LONG, a -> function + "(" + operand.apply(a.sql(0)) + ", NULL::BIGINT)", type));
        signatures.add(Signature.of(LONG, a -> function + "(" + operand.apply(a.sql(0)) + ", CAST(" + a.sql(1) + " AS BIGINT))",
                type, LONG));
    }

    private static JavaFunction function(String sqlName, KqlType operand, java.util.function.Function<Object, byte[]> bytes) {
        return new JavaFunction(sqlName, List.of(operand, LONG), LONG, a -> {
            if (a[0] == null) {
                return null;
            }
            long hash = XxHash64.hash(bytes.apply(a[0]), 0);
            if (a[1] == null) {
                return hash;
            }
            long modulo = (Long) a[1];
            // the documented range is 0 to mod - 1, so the 64 bits count as unsigned
            return modulo <= 0 ? null : Long.remainderUnsigned(hash, modulo);
        });
    }

    private static byte[] littleEndian(long value) {
        return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }
}
