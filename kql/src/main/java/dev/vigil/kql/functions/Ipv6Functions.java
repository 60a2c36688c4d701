package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.List;

/**
 * IPv6 functions. An address is read as eight 16-bit groups (a DuckDB list): the usual hex text with
 * at most one {@code ::}, an IPv4 address in its last 32 bits ({@code ::ffff:10.0.0.1}), or a plain
 * IPv4 address, which stands for its mapped address {@code ::ffff:a.b.c.d}. An optional {@code /n}
 * suffix masks it; when the address is written with IPv4 notation, n counts the IPv4 bits (n + 96).
 * Text that is not an address gives null ({@code parse_ipv6}: an empty string).
 */
final class Ipv6Functions {
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType LONG = KqlType.LONG;
    private static final KqlType BOOL = KqlType.BOOL;
    private static final String IPV4 = "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})";

    private Ipv6Functions() {
    }

    static List<FunctionDeclaration> declarations() {
        return List.of(
                scalar("parse_ipv6", Signature.of(STRING, a -> canonical(a.sql(0), null), STRING)),
                scalar("parse_ipv6_mask", Signature.of(STRING, a -> canonical(a.sql(0), a.sql(1)), STRING, LONG)),
                FunctionDeclaration.scalar("ipv6_compare", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, a -> compare(a.sql(0), a.sql(1), null), STRING, STRING),
                        Signature.of(LONG, a -> compare(a.sql(0), a.sql(1), a.sql(2)), STRING, STRING, LONG))),
                FunctionDeclaration.scalar("ipv6_is_match", ColumnNaming.NONE, List.of(
                        Signature.of(BOOL, a -> "(" + compare(a.sql(0), a.sql(1), null) + " = 0)", STRING, STRING),
                        Signature.of(BOOL, a -> "(" + compare(a.sql(0), a.sql(1), a.sql(2)) + " = 0)", STRING, STRING, LONG))),
                scalar("ipv6_is_in_range", Signature.of(BOOL, a -> inRange(a.sql(0), a.sql(1)), STRING, STRING)),
                FunctionDeclaration.scalar("ipv6_is_in_any_range", ColumnNaming.NONE, List.of(
                        Signature.variadic(BOOL, Ipv6Functions::inAnyRange, STRING, STRING),
                        Signature.of(BOOL, a -> SharedValue.let(a.sql(0), ip -> "list_bool_or(list_transform(" + DynamicFunctions.list(a.sql(1))
                                + ", lambda __ar: coalesce(" + inRange(ip, "(__ar ->> '$')") + ", FALSE)))"), STRING, KqlType.DYNAMIC))),
                scalar("has_ipv6", Signature.of(BOOL, a -> hasAddress(a.sql(0), a.sql(1), null), STRING, STRING)),
                scalar("has_ipv6_prefix", Signature.of(BOOL, a -> hasAddress(a.sql(0), a.sql(1), "prefix"), STRING, STRING)),
                hasAny("has_any_ipv6", null),
                hasAny("has_any_ipv6_prefix", "prefix"));
    }

    /** has_any_ipv6 and has_any_ipv6_prefix: any of several addresses (or prefixes), given one by one or as one dynamic array. */
    private static FunctionDeclaration hasAny(String name, String prefix) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(
                Signature.variadic(BOOL, a -> SharedValue.let(a.sql(0), text -> {
                    List<String> tests = new java.util.ArrayList<>();
                    for (int i = 1; i < a.count(); i++) {
                        tests.add(hasAddress(text, a.sql(i), prefix));
                    }
                    return "(" + String.join(" OR ", tests) + ")";
                }), STRING, STRING),
                Signature.of(BOOL, a -> SharedValue.let(a.sql(0), text -> "coalesce(list_bool_or(list_transform(" + DynamicFunctions.list(a.sql(1))
                        + ", lambda __ha: " + hasAddress(text, "(__ha ->> '$')", prefix) + ")), FALSE)"), STRING, KqlType.DYNAMIC)));
    }

    private static FunctionDeclaration scalar(String name, Signature signature) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(signature));
    }

    /** The address as a struct: {@code g}, its eight groups (null when the text is not an address), and {@code n}, its prefix length. */
    static String parsed(String text) {
        String parts = "regexp_extract(lower(trim(" + text + ")), '^([^/]*?)\\s*(?:/\\s*(\\d{1,3}))?$', ['a', 'n'])";
        return SharedValue.let(parts, p -> {
            String ipv4 = "regexp_extract(" + p + ".a, '^((?:.*:)?)" + IPV4 + "$', ['head', 'b1', 'b2', 'b3', 'b4'])";
            return SharedValue.let(ipv4, v -> {
                String hasIpv4 = "(" + v + ".b1 <> '' AND TRY_CAST(" + v + ".b1 AS INTEGER) <= 255 AND TRY_CAST(" + v + ".b2 AS INTEGER) <= 255"
                        + " AND TRY_CAST(" + v + ".b3 AS INTEGER) <= 255 AND TRY_CAST(" + v + ".b4 AS INTEGER) <= 255)";
                String tail = "printf('%x:%x', CAST(" + v + ".b1 AS INTEGER) * 256 + CAST(" + v + ".b2 AS INTEGER), CAST(" + v
                        + ".b3 AS INTEGER) * 256 + CAST(" + v + ".b4 AS INTEGER))";
                // IPv4 notation becomes two hex groups; a plain IPv4 address becomes ::ffff:a.b.c.d
                String hex = "CASE WHEN " + v + ".b1 = '' THEN " + p + ".a WHEN NOT " + hasIpv4 + " THEN NULL WHEN " + v + ".head = '' THEN '::ffff:' || "
                        + tail + " ELSE " + v + ".head || " + tail + " END";
                // the /n of a plain IPv4 address counts its 32 bits; that of an address in IPv6 notation (::a.b.c.d/n too) all 128
                String prefix = "least(CASE WHEN " + p + ".n = '' THEN 128 WHEN " + v + ".b1 <> '' AND " + v + ".head = '' THEN CAST(" + p
                        + ".n AS INTEGER) + 96 "
                        + "ELSE CAST(" + p + ".n AS INTEGER) END, 128)";
                return "{'g': " + groups(hex) + ", 'n': " + prefix + "}";
            });
        });
    }

    /** The eight groups of IPv6 hex text as integers, null when the text is not an address. */
    private static String groups(String hex) {
        return SharedValue.let(hex, h -> SharedValue.let("string_split(" + h + ", '::')", halves -> {
            String left = "(CASE WHEN " + halves + "[1] = '' THEN []::VARCHAR[] ELSE string_split(" + halves + "[1], ':') END)";
            String right = "(CASE WHEN " + halves + "[2] = '' THEN []::VARCHAR[] ELSE string_split(" + halves + "[2], ':') END)";
            String filled = "CASE WHEN len(" + halves + ") = 1 THEN string_split(" + h + ", ':') "
                    + "WHEN len(" + halves + ") = 2 AND len(" + left + ") + len(" + right + ") <= 7 THEN list_concat(list_concat(" + left
                    + ", list_transform(range(8 - len(" + left + ") - len(" + right + ")), lambda __z: '0')), " + right + ") END";
            return SharedValue.let(filled, g -> "CASE WHEN len(" + g + ") = 8 AND len(list_filter(" + g + ", lambda __x: regexp_full_match(__x, "
                    + "'[0-9a-f]{1,4}'))) = 8 THEN list_transform(" + g + ", lambda __y: CAST(('0x' || __y) AS INTEGER)) END");
        }));
    }

    /** The groups of a parsed address with only the first {@code bits} bits kept. */
    private static String masked(String parsed, String bits) {
        return SharedValue.let(bits, b -> "list_transform(" + parsed + ".g, lambda __m, __i: (__m >> (16 - least(greatest(" + b
                + " - 16 * (__i - 1), 0), 16))) << (16 - least(greatest(" + b + " - 16 * (__i - 1), 0), 16)))");
    }

    /** The address as eight groups of four hex digits, masked to its own prefix (and to {@code prefix} when given); '' when not an address. */
    private static String canonical(String text, String prefix) {
        return SharedValue.let(parsed(text), p -> {
            String bits = prefix == null ? p + ".n" : "least(" + p + ".n, CAST(" + prefix + " AS INTEGER))";
            return "coalesce(array_to_string(list_transform(" + masked(p, bits) + ", lambda __c: lpad(printf('%x', __c), 4, '0')), ':'), '')";
        });
    }

    /** -1, 0 or 1 as the first address is below, equal to or above the second, both masked to the shortest prefix. */
    private static String compare(String first, String second, String prefix) {
        return SharedValue.let(parsed(first), x -> SharedValue.let(parsed(second), y -> {
            String bits = "least(" + x + ".n, " + y + ".n" + (prefix == null ? "" : ", CAST(" + prefix + " AS INTEGER)") + ")";
            return SharedValue.let("[" + masked(x, bits) + ", " + masked(y, bits) + "]", pair -> "CAST(CASE WHEN " + pair + "[1] < " + pair
                    + "[2] THEN -1 WHEN " + pair + "[1] > " + pair + "[2] THEN 1 WHEN " + pair + "[1] = " + pair + "[2] THEN 0 END AS BIGINT)");
        }));
    }

    private static String inRange(String address, String range) {
        return SharedValue.let(parsed(range), r -> "(" + masked(parsed(address), r + ".n") + " = " + masked(r, r + ".n") + ")");
    }

    private static String inAnyRange(RenderArguments a) {
        List<String> tests = new java.util.ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            tests.add("coalesce(" + inRange(a.sql(0), a.sql(i)) + ", FALSE)");
        }
        return "(" + String.join(" OR ", tests) + ")";
    }

    /**
     * Whether the text holds the address (or, for {@code prefix}, an address starting with the prefix) as a whole
     * token: a run of hex digits, colons and dots not touching other letters or digits.
     */
    private static String hasAddress(String text, String address, String prefix) {
        String tokens = "regexp_extract_all(" + text + ", '(?:^|[^0-9A-Za-z:.])([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(?:$|[^0-9A-Za-z:.])', 1)";
        String match = prefix == null ? "coalesce(" + compare("__ht", address, null) + " = 0, FALSE)"
                : "starts_with(lower(__ht), lower(" + address + "))";
        return "coalesce(list_bool_or(list_transform(" + tokens + ", lambda __ht: " + match + ")), FALSE)";
    }
}
