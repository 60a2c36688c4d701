package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * IPv4 functions. An address is read as a long (a.b.c.d is a*2^24 + b*2^16 + c*2^8 + d), optionally
 * with a CIDR suffix (/n) that masks it; text that is not an address gives null. Private ranges
 * are 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16.
 */
final class IpFunctions {
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType BOOL = KqlType.BOOL;
    private static final String ADDRESS = "^\\s*(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\s*(?:/\\s*(\\d{1,2}))?\\s*$";

    private IpFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                scalar("parse_ipv4", Signature.of(LONG, a -> masked(a.sql(0), null), STRING)),
                FunctionDeclaration.scalar("parse_ipv4_mask", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, a -> masked(a.sql(0), a.sql(1)), STRING, LONG))),
                scalar("ipv4_is_private", Signature.of(BOOL, a -> SharedValue.let(masked(a.sql(0), null), ip -> "CASE WHEN " + ip + " IS NULL THEN NULL ELSE ("
                        + inRange(ip, "167772160", 8) + " OR " + inRange(ip, "2886729728", 12) + " OR " + inRange(ip, "3232235520", 16) + ") END"),
                        STRING)),
                scalar("ipv4_is_in_range", Signature.of(BOOL, IpFunctions::isInRange, STRING, STRING)),
                scalar("ipv4_is_in_any_range", Signature.variadic(BOOL, IpFunctions::isInAnyRange, STRING, STRING)),
                FunctionDeclaration.scalar("ipv4_compare", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, a -> compare(a.sql(0), a.sql(1), null), STRING, STRING),
                        Signature.of(LONG, a -> compare(a.sql(0), a.sql(1), a.sql(2)), STRING, STRING, LONG))),
                FunctionDeclaration.scalar("ipv4_is_match", ColumnNaming.NONE, List.of(
                        Signature.of(BOOL, a -> "(" + compare(a.sql(0), a.sql(1), null) + " = 0)", STRING, STRING),
                        Signature.of(BOOL, a -> "(" + compare(a.sql(0), a.sql(1), a.sql(2)) + " = 0)", STRING, STRING, LONG))),
                scalar("has_ipv4", Signature.of(BOOL, a -> hasAddress(a, List.of(1)), STRING, STRING)),
                FunctionDeclaration.scalar("has_any_ipv4", ColumnNaming.NONE, List.of(
                        Signature.variadic(BOOL, a -> {
                            List<Integer> indexes = new ArrayList<>();
                            for (int i = 1; i < a.count(); i++) {
                                indexes.add(i);
                            }
                            return hasAddress(a, indexes);
                        }, STRING, STRING),
                        Signature.of(BOOL, a -> "coalesce(len(list_filter(from_json(" + a.sql(1) + ", '[\"VARCHAR\"]'), lambda __ip: "
                                + addressPattern(a.sql(0), "__ip") + ")) > 0, FALSE)", STRING, KqlType.DYNAMIC))));
    }

    private static FunctionDeclaration scalar(String name, Signature signature) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(signature));
    }

    /** The address as a long, masked by its own /n suffix, then by {@code prefix} bits when given. */
    static String masked(String text, String prefix) {
        String parts = "regexp_extract(" + text + ", '" + ADDRESS + "', ['a', 'b', 'c', 'd', 'n'])";
        return SharedValue.let(parts, p -> {
            String octets = "TRY_CAST(" + p + ".a AS BIGINT) * 16777216 + TRY_CAST(" + p + ".b AS BIGINT) * 65536 + TRY_CAST(" + p
                    + ".c AS BIGINT) * 256 + TRY_CAST(" + p + ".d AS BIGINT)";
            String valid = p + ".a <> '' AND TRY_CAST(" + p + ".a AS INTEGER) <= 255 AND TRY_CAST(" + p + ".b AS INTEGER) <= 255 AND TRY_CAST("
                    + p + ".c AS INTEGER) <= 255 AND TRY_CAST(" + p + ".d AS INTEGER) <= 255 AND coalesce(TRY_CAST(" + p + ".n AS INTEGER), 32) <= 32";
            String bits = "least(coalesce(TRY_CAST(" + p + ".n AS INTEGER), 32)" + (prefix == null ? "" : ", CAST(" + prefix + " AS INTEGER)") + ")";
            return "CASE WHEN " + valid + " THEN ((" + octets + ") >> (32 - " + bits + ")) << (32 - " + bits + ") END";
        });
    }

    private static String inRange(String address, String network, int bits) {
        return "((" + address + " >> " + (32 - bits) + ") = (" + network + " >> " + (32 - bits) + "))";
    }

    /** ipv4_is_in_range(ip, range): the address falls in the range written as a.b.c.d/n (a plain address is a range of one). */
    private static String isInRange(RenderArguments a) {
        return "(" + masked(a.sql(0), prefixOf(a.sql(1))) + " = " + masked(a.sql(1), null) + ")";
    }

    private static String isInAnyRange(RenderArguments a) {
        List<String> tests = new ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            tests.add("coalesce(" + masked(a.sql(0), prefixOf(a.sql(i))) + " = " + masked(a.sql(i), null) + ", FALSE)");
        }
        return "(" + String.join(" OR ", tests) + ")";
    }

    /** The /n of a range as SQL, 32 when it has none. */
    private static String prefixOf(String range) {
        return "coalesce(TRY_CAST(regexp_extract(" + range + ", '/\\s*(\\d{1,2})\\s*$', 1) AS INTEGER), 32)";
    }

    /** -1, 0 or 1 as the first address is below, equal to or above the second, both masked to the shorter prefix. */
    private static String compare(String first, String second, String prefix) {
        String bits = "least(" + prefixOf(first) + ", " + prefixOf(second) + (prefix == null ? "" : ", CAST(" + prefix + " AS INTEGER)") + ")";
        return "CAST(sign(" + masked(first, bits) + " - " + masked(second, bits) + ") AS BIGINT)";
    }

    /** has_ipv4 and has_any_ipv4: the address appears in the text as a whole address, not inside a longer run of digits and dots. */
    private static String hasAddress(RenderArguments a, List<Integer> addresses) {
        List<String> tests = new ArrayList<>();
        for (int index : addresses) {
            tests.add(a.constant(index)
                    .map(ip -> "regexp_matches(" + a.sql(0) + ", " + a.stringLiteral(boundary(escaped((String) ip))) + ")")
                    .orElseGet(() -> addressPattern(a.sql(0), a.sql(index))));
        }
        return "coalesce(" + String.join(" OR ", tests) + ", FALSE)";
    }

    private static String addressPattern(String text, String address) {
        return "regexp_matches(" + text + ", '(?:^|[^0-9.])' || regexp_escape(" + address + ") || '(?:$|[^0-9.])')";
    }

    private static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(Character.isLetterOrDigit(c) ? "" : "\\").append(c);
        }
        return escaped.toString();
    }

    private static String boundary(String escapedAddress) {
        return "(?:^|[^0-9.])" + escapedAddress + "(?:$|[^0-9.])";
    }
}
