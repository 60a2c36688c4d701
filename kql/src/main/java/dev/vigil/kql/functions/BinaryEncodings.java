package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * Base64 of bytes other than a string's: {@code base64_decode_toarray} (the bytes as an array of numbers 0-255),
 * {@code base64_encode_fromarray}, and GUIDs in .NET's byte order ({@code base64_encode_fromguid},
 * {@code base64_decode_toguid}: the first three groups little-endian). Text that is not base64, an array holding a
 * value that is not a byte, or a decoded value that is not 16 bytes gives null ('' for a string).
 */
final class BinaryEncodings {
    private static final String HEX_DIGITS = "'0123456789ABCDEF'";

    private BinaryEncodings() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                scalar("base64_decode_toarray", Signature.of(KqlType.DYNAMIC, a -> SharedValue.let("hex(TRY(from_base64(" + a.sql(0) + ")))",
                        h -> "to_json(list_transform(range(0, length(" + h + "), 2), lambda __b: (strpos(" + HEX_DIGITS + ", substring(" + h
                                + ", __b + 1, 1)) - 1) * 16 + strpos(" + HEX_DIGITS + ", substring(" + h + ", __b + 2, 1)) - 1))"),
                        KqlType.STRING)),
                scalar("base64_encode_fromarray", Signature.of(KqlType.STRING, a -> SharedValue.let("from_json(" + a.sql(0) + ", '[\"BIGINT\"]')",
                        bytes -> "CASE WHEN len(list_filter(" + bytes + ", lambda __n: __n IS NULL OR __n NOT BETWEEN 0 AND 255)) = 0 THEN "
                                + "to_base64(unhex(array_to_string(list_transform(" + bytes + ", lambda __n: lpad(hex(__n), 2, '0')), ''))) ELSE '' END"),
                        KqlType.DYNAMIC)),
                scalar("base64_encode_fromguid", Signature.of(KqlType.STRING, a -> SharedValue.let("replace(CAST(" + a.sql(0) + " AS VARCHAR), '-', '')",
                        h -> "to_base64(unhex(" + dotNetOrder(h) + "))"), KqlType.GUID)),
                scalar("base64_decode_toguid", Signature.of(KqlType.GUID, a -> SharedValue.let("lower(hex(TRY(from_base64(" + a.sql(0) + "))))",
                        h -> "CASE WHEN length(" + h + ") = 32 THEN TRY_CAST(" + dotNetOrder(h) + " AS UUID) END"), KqlType.STRING)));
    }

    private static FunctionDeclaration scalar(String name, Signature signature) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(signature));
    }

    /** 32 hex digits of a GUID reordered between its text order and .NET's byte order (the same swap both ways). */
    private static String dotNetOrder(String hex) {
        return "(" + bytes(hex, 7, 5, 3, 1) + " || " + bytes(hex, 11, 9) + " || " + bytes(hex, 15, 13) + " || substring(" + hex + ", 17, 16))";
    }

    private static String bytes(String hex, int... starts) {
        StringBuilder sql = new StringBuilder();
        for (int start : starts) {
            sql.append(sql.length() == 0 ? "" : " || ").append("substring(").append(hex).append(", ").append(start).append(", 2)");
        }
        return sql.toString();
    }
}
