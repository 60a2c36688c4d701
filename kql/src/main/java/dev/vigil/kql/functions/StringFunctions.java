package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The string functions. Strings are never null: a function of a string gives '' where SQL would
 * give NULL. Positions are zero-based as in Kusto. Regular expressions are RE2, as in Kusto.
 */
final class StringFunctions {
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType LONG = KqlType.LONG;
    private static final String HASH_DEVIATION = "DuckDB's 64-bit hash, not xxHash64 as hash() now is: values differ from Kusto's";

    private StringFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        FunctionDeclaration parseUrl = scalar("parse_url", Signature.of(KqlType.DYNAMIC, a -> UrlParts.parseUrl(a.sql(0)), STRING));
        FunctionDeclaration parseUrlQuery = scalar("parse_urlquery", Signature.of(KqlType.DYNAMIC, a -> UrlParts.parseUrlQuery(a.sql(0)), STRING));
        return List.of(
                scalar("strcat", Signature.anyTypeTail(STRING, StringFunctions::strcat)),
                scalar("strcat_delim", Signature.anyTypeTail(STRING, StringFunctions::strcatDelim, STRING)),
                scalar("strcat_array", Signature.of(STRING, a -> "coalesce(array_to_string(from_json(" + a.sql(0)
                        + ", '[\"VARCHAR\"]'), " + a.sql(1) + "), '')", KqlType.DYNAMIC, STRING)),
                scalar("strlen", Signature.of(LONG, a -> "CAST(length(" + a.sql(0) + ") AS BIGINT)", STRING))
                        .withNaming(ColumnNaming.PREFIX_AND_FIRST_ARGUMENT),
                scalar("tolower", Signature.of(STRING, a -> "lower(" + a.sql(0) + ")", STRING)),
                scalar("toupper", Signature.of(STRING, a -> "upper(" + a.sql(0) + ")", STRING)),
                FunctionDeclaration.scalar("substring", ColumnNaming.NONE, List.of(
                        Signature.of(STRING, a -> SharedValue.let(a.sql(1), start -> "coalesce(substring(" + a.sql(0) + ", greatest(" + start
                                + ", 0) + 1), '')"), STRING, LONG),
                        Signature.of(STRING, StringFunctions::substring, STRING, LONG, LONG))),
                scalar("trim", Signature.of(STRING, a -> trim(a, true, true), STRING, STRING)),
                scalar("trim_start", Signature.of(STRING, a -> trim(a, true, false), STRING, STRING)),
                scalar("trim_end", Signature.of(STRING, a -> trim(a, false, true), STRING, STRING)),
                FunctionDeclaration.scalar("split", ColumnNaming.FIRST_ARGUMENT, List.of(
                        Signature.of(KqlType.DYNAMIC, a -> "to_json(string_split(" + a.sql(0) + ", " + a.sql(1) + "))", STRING, STRING),
                        Signature.of(KqlType.DYNAMIC, a -> SharedValue.let("string_split(" + a.sql(0) + ", " + a.sql(1) + ")",
                                parts -> "to_json(CASE WHEN " + a.sql(2) + " >= 0 AND " + a.sql(2) + " < len(" + parts + ") THEN ["
                                        + parts + "[" + a.sql(2) + " + 1]] ELSE [] END)"), STRING, STRING, LONG))),
                scalar("replace_string", Signature.of(STRING, a -> "CASE WHEN " + a.sql(1) + " = '' THEN " + a.sql(0)
                        + " ELSE replace(" + a.sql(0) + ", " + a.sql(1) + ", " + a.sql(2) + ") END", STRING, STRING, STRING)),
                scalar("replace_regex", Signature.of(STRING, a -> "regexp_replace(" + a.sql(0) + ", " + a.sql(1) + ", " + rewrite(a, 2)
                        + ", 'g')", STRING, STRING, STRING)),
                // the legacy replace takes the regular expression first
                scalar("replace", Signature.of(STRING, a -> "regexp_replace(" + a.sql(2) + ", " + a.sql(0) + ", " + rewrite(a, 1)
                        + ", 'g')", STRING, STRING, STRING)),
                FunctionDeclaration.scalar("extract", ColumnNaming.NONE, List.of(
                        Signature.of(STRING, a -> "coalesce(regexp_extract(" + a.sql(2) + ", " + a.sql(0) + ", CAST(" + a.sql(1) + " AS INTEGER)), '')",
                                STRING, LONG, STRING))),
                ExtractAll.declaration(),
                ExtractAll.declaration().alias("extractall"),
                FunctionDeclaration.scalar("indexof", ColumnNaming.NONE, indexOfSignatures()),
                FunctionDeclaration.scalar("countof", ColumnNaming.NONE, List.of(
                        Signature.of(LONG, StringFunctions::countOverlapping, STRING, STRING),
                        Signature.of(LONG, a -> a.constant(2).map(k -> "regex".equals(k)).orElse(false)
                                ? "CAST(len(regexp_extract_all(" + a.sql(0) + ", " + a.sql(1) + ")) AS BIGINT)"
                                : countOverlapping(a), STRING, STRING, STRING))),
                scalar("extract_json", Signature.of(STRING, StringFunctions::extractJson, STRING, STRING)),
                scalar("extractjson", Signature.of(STRING, StringFunctions::extractJson, STRING, STRING)),
                scalar("reverse", Signature.of(STRING, a -> "reverse(" + a.sql(0) + ")", STRING)),
                FunctionDeclaration.scalar("strrep", ColumnNaming.NONE, List.of(
                        Signature.of(STRING, a -> "coalesce(repeat(" + a.sql(0) + ", greatest(" + a.sql(1) + ", 0)), '')", STRING, LONG),
                        Signature.of(STRING, a -> "coalesce(array_to_string(list_transform(range(greatest(" + a.sql(1) + ", 0)), lambda __i: "
                                + a.sql(0) + "), " + a.sql(2) + "), '')", STRING, LONG, STRING))),
                scalar("strcmp", Signature.of(LONG, a -> "CAST(sign(CASE WHEN " + a.sql(0) + " < " + a.sql(1) + " THEN -1 WHEN " + a.sql(0)
                        + " > " + a.sql(1) + " THEN 1 ELSE 0 END) AS BIGINT)", STRING, STRING)),
                scalar("url_encode", Signature.of(STRING, a -> urlEncode(a.sql(0), "+"), STRING)),
                scalar("url_encode_component", Signature.of(STRING, a -> urlEncode(a.sql(0), "%20"), STRING)),
                // as .NET's UrlDecode, a + is a space
                scalar("url_decode", Signature.of(STRING, a -> "coalesce(TRY(url_decode(replace(" + a.sql(0) + ", '+', ' '))), '')", STRING)),
                scalar("base64_encode_tostring", Signature.of(STRING, a -> "to_base64(encode(" + a.sql(0) + "))", STRING)),
                scalar("base64_decode_tostring", Signature.of(STRING, a -> "coalesce(TRY(decode(from_base64(" + a.sql(0) + "))), '')", STRING)),
                scalar("base64_encodestring", Signature.of(STRING, a -> "to_base64(encode(" + a.sql(0) + "))", STRING)),
                scalar("base64_decodestring", Signature.of(STRING, a -> "coalesce(TRY(decode(from_base64(" + a.sql(0) + "))), '')", STRING)),
                scalar("hash_md5", Signature.of(STRING, a -> "md5(" + a.sql(0) + ")", STRING)),
                scalar("hash_sha1", Signature.of(STRING, a -> "sha1(" + a.sql(0) + ")", STRING)),
                scalar("hash_sha256", Signature.of(STRING, a -> "sha256(" + a.sql(0) + ")", STRING)),
                FunctionDeclaration.scalar("hash_many", ColumnNaming.NONE, List.of(Signature.anyTypeTail(LONG, StringFunctions::hashMany)))
                        .withDeviation(HASH_DEVIATION),
                FunctionDeclaration.scalar("hash_combine", ColumnNaming.NONE, List.of(Signature.variadic(LONG, StringFunctions::hashMany, LONG)))
                        .withDeviation(HASH_DEVIATION),
                scalar("new_guid", Signature.of(KqlType.GUID, a -> "uuid()")),
                parseUrl,
                parseUrl.alias("parseurl"),
                scalar("parse_path", Signature.of(KqlType.DYNAMIC, a -> UrlParts.parsePath(a.sql(0)), STRING)),
                parseUrlQuery,
                parseUrlQuery.alias("parseurlquery"),
                // the position in the array of the first value the text has as a term (as has does), -1 for none
                scalar("has_any_index", Signature.of(LONG, a -> "CAST(coalesce(list_position(list_transform(from_json(" + a.sql(1)
                        + ", '[\"VARCHAR\"]'), lambda __hv: " + TermMatch.matches(a.sql(0), "__hv", TermMatch.Edges.WHOLE_TERM, "'i'")
                        + "), TRUE), 0) - 1 AS BIGINT)", STRING, KqlType.DYNAMIC)),
                scalar("parse_csv", Signature.of(KqlType.DYNAMIC, a -> parseCsv(a.sql(0)), STRING)).withNaming(ColumnNaming.FIRST_ARGUMENT));
    }

    private static FunctionDeclaration scalar(String name, Signature signature) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(signature));
    }

    private static String strcat(RenderArguments a) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            parts.add(Conversions.text(a.type(i), a.sql(i)));
        }
        return "(" + String.join(" || ", parts) + ")";
    }

    private static String strcatDelim(RenderArguments a) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < a.count(); i++) {
            parts.add(Conversions.text(a.type(i), a.sql(i)));
        }
        return "(" + String.join(" || " + a.sql(0) + " || ", parts) + ")";
    }

    /** Characters from {@code start} for {@code length}, clipped to the string: a range before its start is cut off. */
    private static String substring(RenderArguments a) {
        return SharedValue.let(a.sql(1), start -> "coalesce(substring(" + a.sql(0) + ", greatest(" + start + ", 0) + 1, greatest("
                + start + " + " + a.sql(2) + " - greatest(" + start + ", 0), 0)), '')");
    }

    /** trim, trim_start, trim_end: remove repeated matches of a regular expression at the start and/or end. */
    private static String trim(RenderArguments a, boolean start, boolean end) {
        String pattern = "(" + a.sql(0) + ")";
        String result = a.sql(1);
        if (start) {
            result = "regexp_replace(" + result + ", '^(?:' || " + pattern + " || ')+', '')";
        }
        if (end) {
            result = "regexp_replace(" + result + ", '(?:' || " + pattern + " || ')+$', '')";
        }
        return result;
    }

    /** Kusto writes group references in a rewrite as \1 like RE2 does; $1 is turned into \1. */
    private static String rewrite(RenderArguments a, int index) {
        return "regexp_replace(" + a.sql(index) + ", '\\$([0-9])', '\\\\\\1', 'g')";
    }

    /**
     * indexof(text, lookup, start, length, occurrence): the position of the occurrence-th match (counted
     * from start, overlapping) within length characters from start (-1: to the end); a negative start
     * counts from the end. -1 when there is none; null for an occurrence below 0 or a length below -1.
     */
    /**
     * indexof(text, match[, start[, length[, occurrence]]]): a text or match that is not a string is converted to its
     * string first, as Kusto does ({@code indexof(1234567, 5)} is 4).
     */
    private static List<Signature> indexOfSignatures() {
        List<Signature> signatures = new ArrayList<>();
        List<KqlType> textual = List.of(STRING, LONG, KqlType.REAL);
        for (KqlType textType : textual) {
            for (KqlType matchType : textual) {
                signatures.add(Signature.of(LONG, a -> "(strpos(" + textOf(a, 0) + ", " + textOf(a, 1) + ") - 1)", textType, matchType));
                signatures.add(Signature.of(LONG, a -> indexOf(textOf(a, 0), textOf(a, 1), a.sql(2), "-1", "1"), textType, matchType, LONG));
                signatures.add(Signature.of(LONG, a -> indexOf(textOf(a, 0), textOf(a, 1), a.sql(2), a.sql(3), "1"), textType, matchType, LONG,
                        LONG));
                signatures.add(Signature.of(LONG, a -> indexOf(textOf(a, 0), textOf(a, 1), a.sql(2), a.sql(3), a.sql(4)), textType, matchType,
                        LONG, LONG, LONG));
            }
        }
        return signatures;
    }

    private static String textOf(RenderArguments a, int index) {
        return a.type(index) == STRING ? a.sql(index) : Conversions.text(a.type(index), a.sql(index));
    }

    private static String indexOf(String text, String match, String startSql, String lengthSql, String occurrenceSql) {
        return SharedValue.let(text, t -> SharedValue.let(match, m -> indexOfText(t, m, startSql, lengthSql, occurrenceSql)));
    }

    private static String indexOfText(String text, String match, String startSql, String lengthSql, String occurrenceSql) {
        return SharedValue.let(startSql, rawStart -> SharedValue.let("CASE WHEN " + rawStart + " < 0 THEN greatest(length(" + text + ") + "
                + rawStart + ", 0) ELSE " + rawStart + " END", start -> SharedValue.let(lengthSql, length -> SharedValue.let(occurrenceSql, occurrence -> {
                    String region = "substring(" + text + ", " + start + " + 1, CASE WHEN " + length + " = -1 THEN greatest(length(" + text
                            + "), 0) ELSE greatest(" + length + ", 0) END)";
                    return SharedValue.let(region, r -> "CAST(CASE WHEN " + occurrence + " < 0 OR " + length + " < -1 THEN NULL ELSE coalesce("
                            + "list_filter(range(1, length(" + r + ") - length(" + match + ") + 2), lambda __p: substring(" + r + ", __p, length("
                            + match + ")) = " + match + ")[" + occurrence + "] - 1 + " + start + ", -1) END AS BIGINT)");
                }))));
    }

    /**
     * extract_json(path, json): the value at a JSONPath ({@code $.a.b[0]}, {@code $['a']}) as text (a string
     * unquoted, other values as JSON); '' when missing or when the text is not JSON.
     */
    private static String extractJson(RenderArguments a) {
        String path = "regexp_replace(regexp_replace(" + a.sql(0) + ", '\\[''([^'']*)''\\]', '.\"\\1\"', 'g'), "
                + "'\\[\"([^\"]*)\"\\]', '.\"\\1\"', 'g')";
        return "coalesce(TRY(json_extract_string(" + a.sql(1) + ", " + path + ")), '')";
    }

    /**
     * parse_csv: the fields of the first comma-separated record as an array of strings. A field in double quotes may hold
     * commas and doubled quotes ({@code "a ""b"", c"} is {@code a "b", c}).
     */
    private static String parseCsv(String text) {
        // only the first record: up to the first line break outside quotes
        String firstRecord = "regexp_extract(" + text + ", '^(?:\"(?:[^\"]|\"\")*\"|[^\"\\n])*')";
        return "to_json(list_transform(regexp_extract_all(" + firstRecord + ", '(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,\\n]*)', 1), lambda __f: "
                + "CASE WHEN __f LIKE '\"%' THEN replace(__f[2:-2], '\"\"', '\"') ELSE __f END))";
    }

    /** Plain countof counts overlapping occurrences, as Kusto does. */
    private static String countOverlapping(RenderArguments a) {
        Optional<Object> needle = a.constant(1);
        if (needle.isPresent() && ((String) needle.get()).isEmpty()) {
            return "CAST(0 AS BIGINT)";
        }
        return "CAST(CASE WHEN " + a.sql(1) + " = '' THEN 0 ELSE len(list_filter(range(1, length(" + a.sql(0) + ") - length(" + a.sql(1)
                + ") + 2), lambda __p: substring(" + a.sql(0) + ", __p, length(" + a.sql(1) + ")) = " + a.sql(1) + ")) END AS BIGINT)";
    }

    /**
     * Percent-encoding as Kusto does it (.NET's UrlEncode): ASCII letters, digits and {@code -_.!*()} stay, every
     * other character becomes its UTF-8 bytes as {@code %xx} in lowercase hex, and a space becomes {@code space}
     * ({@code +} for url_encode, {@code %20} for url_encode_component).
     */
    private static String urlEncode(String text, String space) {
        return "array_to_string(list_transform(string_split(" + text + ", ''), lambda __uc: CASE WHEN regexp_matches(__uc, "
                + "'^[A-Za-z0-9_.!*()-]$') THEN __uc WHEN __uc = ' ' THEN '" + space + "' ELSE regexp_replace(lower(hex(encode(__uc))), "
                + "'(..)', '%\\1', 'g') END), '')";
    }

    /** DuckDB's 64-bit hash, kept non-negative to fit a long (Kusto uses xxHash64; the values differ). */
    private static String hash(String value) {
        return "CAST(hash(" + value + ") & 9223372036854775807 AS BIGINT)";
    }

    /** hash_many and hash_combine: DuckDB's hash of all the values together. */
    private static String hashMany(RenderArguments a) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            values.add(a.sql(i));
        }
        return hash(String.join(", ", values));
    }
}
