package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions over the characters of a string: Unicode code points ({@code unicode_codepoints_from_string},
 * {@code unicode_codepoints_to_string} and their older names {@code to_utf8}, {@code make_string}), the size in
 * UTF-8 bytes ({@code string_size}), {@code isascii}, {@code isutf8} and {@code translate}.
 */
final class CharacterFunctions {
    private static final KqlType STRING = KqlType.STRING;
    private static final KqlType DYNAMIC = KqlType.DYNAMIC;

    private CharacterFunctions() {
    }

    static List<FunctionDeclaration> declarations() {
        FunctionDeclaration fromString = scalar("unicode_codepoints_from_string", Signature.of(DYNAMIC,
                a -> "to_json(list_transform(string_split(" + a.sql(0) + ", ''), lambda __cc: CAST(unicode(__cc) AS BIGINT)))", STRING));
        FunctionDeclaration toString = FunctionDeclaration.scalar("unicode_codepoints_to_string", ColumnNaming.NONE, List.of(
                Signature.anyTypeTail(STRING, CharacterFunctions::fromCodepoints)));
        return List.of(
                fromString,
                fromString.alias("to_utf8"),
                toString,
                toString.alias("make_string"),
                scalar("string_size", Signature.of(KqlType.LONG, a -> "CAST(strlen(" + a.sql(0) + ") AS BIGINT)", STRING))
                        .withNaming(ColumnNaming.PREFIX_AND_FIRST_ARGUMENT),
                scalar("isascii", Signature.of(KqlType.BOOL, a -> "(strlen(" + a.sql(0) + ") = length(" + a.sql(0) + "))", STRING)),
                // DuckDB strings are always valid UTF-8
                scalar("isutf8", Signature.of(KqlType.BOOL, a -> "(" + a.sql(0) + " IS NOT NULL)", STRING)),
                scalar("translate", Signature.of(STRING, CharacterFunctions::translate, STRING, STRING, STRING)));
    }

    private static FunctionDeclaration scalar(String name, Signature signature) {
        return FunctionDeclaration.scalar(name, ColumnNaming.NONE, List.of(signature));
    }

    /** The characters of code points given one by one (int or long) or as dynamic arrays; a value that is not a code point gives null. */
    private static String fromCodepoints(RenderArguments a) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < a.count(); i++) {
            if (a.type(i) == DYNAMIC) {
                parts.add("array_to_string(list_transform(from_json(" + a.sql(i) + ", '[\"BIGINT\"]'), lambda __cp: chr(CAST(__cp AS INTEGER))), '')");
            } else {
                parts.add("chr(CAST(" + a.sql(i) + " AS INTEGER))");
            }
        }
        return "TRY(" + String.join(" || ", parts) + ")";
    }

    /**
     * translate(search, replacement, text): each character of search becomes the character at the same place in
     * replacement, or its last character where replacement is shorter; an empty replacement deletes them.
     */
    private static String translate(RenderArguments a) {
        return SharedValue.let(a.sql(1), replacement -> "translate(" + a.sql(2) + ", " + a.sql(0) + ", CASE WHEN length(" + replacement
                + ") = 0 THEN '' ELSE " + replacement + " || repeat(right(" + replacement + ", 1), greatest(length(" + a.sql(0) + ") - length("
                + replacement + "), 0)) END)");
    }
}
