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
                FunctionDeclaration.scalar("ipv4_is_in_any_range", ColumnNaming.NONE, List.of(
                        Signature.variadic(BOOL, IpFunctions::isInAnyRange, STRING, STRING),
                        Signature.of(BOOL, a -> inAnyRangeOf(a.sql(0), a.sql(1)), STRING, KqlType.DYNAMIC))),
                FunctionDeclaration.scalar("ipv4_compare", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, a -> compare(a.sql(0), a.sql(1), null), STRING, STRING),
                        Signature.of(LONG, a -> compare(a.sql(0), a.sql(1), a.sql(2)), STRING, STRING, LONG))),
                FunctionDeclaration.scalar("ipv4_is_match", ColumnNaming.NONE, List.of(
                        Signature.of(BOOL, a -> "(" + compare(a.sql(0), a.sql(1), null) + " = 0)", STRING, STRING),
                        Signature.of(BOOL, a -> "(" + compare(a.sql(0), a.sql(1), a.sql(2)) + " = 0)", STRING, STRING, LONG))),
                scalar("has_ipv4", Signature.of(BOOL, a -> hasAddress(a, List.of(1)), STRING, STRING)),
                scalar("has_ipv4_prefix", Signature.of(BOOL, a -> hasPrefix(a.sql(0), "[" + a.sql(1) + "]"), STRING, STRING)),
                FunctionDeclaration.scalar("has_any_ipv4_prefix", ColumnNaming.NONE, List.of(
                        Signature.variadic(BOOL, a -> {
                            List<String> prefixes = new ArrayList<>();
                            for (int i = 1; i < a.count(); i++) {
                                prefixes.add(a.sql(i));
                            }
                            return hasPrefix(a.sql(0), "[" + String.join(", ", prefixes) + "]");
                        }, STRING, STRING),
                        Signature.of(BOOL, a -> hasPrefix(a.sql(0), "from_json(" + a.sql(1) + ", '[\"VARCHAR\"]')"), STRING, KqlType.DYNAMIC))),
                FunctionDeclaration.scalar("format_ipv4", ColumnNaming.NONE, List.of(
                        Signature.of(STRING, a -> dotted(masked(a.sql(0), null), false), STRING),
                        Signature.of(STRING, a -> dotted(masked(a.sql(0), a.sql(1)), false), STRING, LONG),
                        Signature.of(STRING, a -> dotted(maskedNumber(a.sql(0), "32"), false), LONG),
                        Signature.of(STRING, a -> dotted(maskedNumber(a.sql(0), a.sql(1)), false), LONG, LONG))),
                FunctionDeclaration.scalar("format_ipv4_mask", ColumnNaming.NONE, List.of(
                        Signature.of(STRING, a -> masks(masked(a.sql(0), null), prefixOf(a.sql(0))), STRING),
                        Signature.of(STRING, a -> masks(masked(a.sql(0), a.sql(1)), "least(" + prefixOf(a.sql(0)) + ", " + a.sql(1) + ")"), STRING, LONG),
                        Signature.of(STRING, a -> masks(maskedNumber(a.sql(0), "32"), "32"), LONG),
                        Signature.of(STRING, a -> masks(maskedNumber(a.sql(0), a.sql(1)), a.sql(1)), LONG, LONG))),
                scalar("ipv4_netmask_suffix", Signature.of(KqlType.LONG, a -> "CASE WHEN " + masked(a.sql(0), null) + " IS NOT NULL THEN CAST("
                        + prefixOf(a.sql(0)) + " AS BIGINT) END", STRING)),
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
                    + p + ".c AS INTEGER) <= 255 AND TRY_CAST(" + p + ".d AS INTEGER) <= 255 AND coalesce(TRY_CAST(" + p + ".n AS INTEGER), 32) <= 32"
                    // a prefix argument outside 0..32 makes no address (format_ipv4(ip, -1) is '')
                    + (prefix == null ? "" : " AND CAST(" + prefix + " AS INTEGER) BETWEEN 0 AND 32");
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

    /** ipv4_is_in_any_range(ip, range, ...): null when the address is not one; ranges that are not addresses match nothing. */
    private static String isInAnyRange(RenderArguments a) {
        List<String> tests = new ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            tests.add("coalesce(" + masked(a.sql(0), prefixOf(a.sql(i))) + " = " + masked(a.sql(i), null) + ", FALSE)");
        }
        return "CASE WHEN " + masked(a.sql(0), null) + " IS NOT NULL THEN (" + String.join(" OR ", tests) + ") END";
    }

    /** ipv4_is_in_any_range(ip, ranges): the ranges given as a dynamic array of strings. */
    private static String inAnyRangeOf(String address, String ranges) {
        return "CASE WHEN " + masked(address, null) + " IS NOT NULL THEN coalesce(len(list_filter(from_json(" + ranges + ", '[\"VARCHAR\"]'), "
                + "lambda __range: " + masked(address, prefixOf("__range")) + " = " + masked("__range", null) + ")) > 0, FALSE) END";
    }

    /** A long as an address masked to {@code bits}; null unless the long is an address and the bits are 0 to 32. */
    private static String maskedNumber(String number, String bits) {
        return SharedValue.let(bits, b -> "CASE WHEN " + number + " BETWEEN 0 AND 4294967295 AND " + b + " BETWEEN 0 AND 32 THEN (" + number
                + " >> (32 - " + b + ")) << (32 - " + b + ") END");
    }

    /** An address held as a long, written a.b.c.d; '' for null (format_ipv4 of what is not an address). */
    private static String dotted(String address, boolean keepNull) {
        return SharedValue.let(address, v -> "CASE WHEN " + v + " IS NOT NULL THEN concat_ws('.', " + v + " >> 24, (" + v + " >> 16) & 255, (" + v
                + " >> 8) & 255, " + v + " & 255) ELSE " + (keepNull ? "NULL" : "''") + " END");
    }

    /** format_ipv4_mask: the masked address and its prefix length, a.b.c.d/n; '' when the address is not one. */
    private static String masks(String address, String bits) {
        return SharedValue.let(address, v -> "CASE WHEN " + v + " IS NOT NULL THEN concat(" + dotted(v, true) + ", '/', " + bits + ") ELSE '' END");
    }

    /**
     * has_ipv4_prefix and has_any_ipv4_prefix: some address in the text (a run of digits and dots that is a valid
     * address) starts with one of the prefixes, each a whole address or one ending in a dot.
     */
    private static String hasPrefix(String text, String prefixes) {
        return "coalesce(len(list_filter(regexp_extract_all(" + text + ", '[0-9.]+'), lambda __ip: regexp_matches(__ip, "
                + "'^[0-9]{1,3}(?:\\.[0-9]{1,3}){3}$') AND " + masked("__ip", null) + " IS NOT NULL AND len(list_filter(" + prefixes
                + ", lambda __pre: starts_with(__ip, __pre) AND (ends_with(__pre, '.') OR __ip = __pre))) > 0)) > 0, FALSE)";
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
