package dev.vigil.kql.functions;

import dev.vigil.kql.types.KqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The value of one key in key/value text, for {@code parse-kv}: the regular expressions of its modes and the
 * (unnamed) functions that apply them. The first appearance of a key counts; leading and trailing white space
 * is dropped; a value in quotes loses them and its escapes; a missing key gives ''.
 */
public final class KeyValueExtraction {
    /** (text, regex whose group 1 is the key's value, quote pairs such as {@code "} or {@code ()}, escape characters) to the value. */
    public static final FunctionDeclaration VALUE = FunctionDeclaration.scalar("parse_kv", ColumnNaming.NONE, List.of(
            Signature.of(KqlType.STRING, KeyValueExtraction::value, KqlType.STRING, KqlType.STRING, KqlType.STRING, KqlType.STRING)));
    /** (text, regex whose groups are a key and its value, key) to the value of the first match with that key. */
    public static final FunctionDeclaration REGEX_VALUE = FunctionDeclaration.scalar("parse_kv", ColumnNaming.NONE, List.of(
            Signature.of(KqlType.STRING, a -> "coalesce(trim(list_extract(regexp_extract_all(" + a.sql(0) + ", " + a.sql(1)
                    + ", 2), list_position(list_transform(regexp_extract_all(" + a.sql(0) + ", " + a.sql(1) + ", 1), lambda __k: trim(__k)), "
                    + a.sql(2) + "))), '')", KqlType.STRING, KqlType.STRING, KqlType.STRING)));

    private KeyValueExtraction() {
    }

    /**
     * The pattern of a key's value between given delimiters: the key (bare or in quotes) after the start of the text or a
     * pair delimiter, the key/value delimiter, then a quoted value or, unquoted, the text up to the next pair delimiter
     * (greedy: up to the next {@code delimiter key kv_delimiter} or the end).
     */
    public static String delimitedPattern(String key, String pairDelimiter, String kvDelimiter, List<String> quotes, List<String> escapes,
                                          boolean greedy) {
        String pair = quoted(pairDelimiter);
        String unquoted = greedy ? ".*?" : "[^" + classQuoted(pairDelimiter) + "]*";
        String end = greedy ? "(?:" + pair + "[^" + classQuoted(pairDelimiter) + "]+?" + quoted(kvDelimiter) + "|$)" : "";
        return "(?s)(?:^|" + pair + ")\\s*" + keyPattern(key, quotes) + "\\s*" + quoted(kvDelimiter) + "\\s*(" + quotedValues(quotes, escapes)
                + unquoted + ")" + end;
    }

    /** Without delimiters: any run of characters that are not letters, digits or quotes separates the key from its value. */
    public static String undelimitedPattern(String key, List<String> quotes, List<String> escapes) {
        StringBuilder quoteCharacters = new StringBuilder();
        quotes.forEach(q -> quoteCharacters.append(classQuoted(q)));
        return "(?s)(?:^|[^A-Za-z0-9_])" + keyPattern(key, quotes) + "[^A-Za-z0-9_" + quoteCharacters + "]+(" + quotedValues(quotes, escapes)
                + "[A-Za-z0-9_]*)";
    }

    private static String keyPattern(String key, List<String> quotes) {
        List<String> forms = new ArrayList<>();
        for (String quote : quotes) {
            forms.add(quoted(open(quote)) + "\\s*" + quoted(key) + "\\s*" + quoted(close(quote)));
        }
        forms.add(quoted(key));
        return "(?:" + String.join("|", forms) + ")";
    }

    /** One alternative per quote pair, each ending in {@code |}: the opening quote, escaped or other characters, the closing quote. */
    private static String quotedValues(List<String> quotes, List<String> escapes) {
        StringBuilder escaped = new StringBuilder();
        escapes.forEach(e -> escaped.append(classQuoted(e)));
        StringBuilder alternatives = new StringBuilder();
        for (String quote : quotes) {
            String inside = escapes.isEmpty() ? "[^" + classQuoted(close(quote)) + "]*"
                    : "(?:[^" + classQuoted(close(quote)) + escaped + "]|[" + escaped + "].)*";
            alternatives.append(quoted(open(quote))).append(inside).append(quoted(close(quote))).append('|');
        }
        return alternatives.toString();
    }

    private static String value(RenderArguments a) {
        String quotes = (String) a.constant(2).orElse("");
        String escapes = (String) a.constant(3).orElse("");
        return SharedValue.let("trim(regexp_extract(" + a.sql(0) + ", " + a.sql(1) + ", 1))", v -> {
            StringBuilder sql = new StringBuilder("CASE");
            for (int at = 0; at + 1 < quotes.length(); at += 2) {
                String quote = quotes.substring(at, at + 2);
                String inner = v + "[2:-2]";
                if (!escapes.isEmpty()) {
                    inner = "regexp_replace(" + inner + ", " + a.stringLiteral("[" + classQuoted(escapes) + "](.)") + ", '\\1', 'g')";
                }
                sql.append(" WHEN length(").append(v).append(") >= 2 AND starts_with(").append(v).append(", ").append(a.stringLiteral(open(quote)))
                        .append(") AND ends_with(").append(v).append(", ").append(a.stringLiteral(close(quote))).append(") THEN ").append(inner);
            }
            return sql.length() == 4 ? v : sql + " ELSE " + v + " END";
        });
    }

    /** The quote pairs as the third argument of {@link #VALUE}: each as its opening and closing character. */
    public static String quotePairs(List<String> quotes) {
        StringBuilder pairs = new StringBuilder();
        quotes.forEach(q -> pairs.append(open(q)).append(close(q)));
        return pairs.toString();
    }

    private static String open(String quote) {
        return quote.substring(0, 1);
    }

    private static String close(String quote) {
        return quote.length() > 1 ? quote.substring(1, 2) : quote;
    }

    /** Text matched literally by RE2. */
    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder();
        for (char c : text.toCharArray()) {
            quoted.append(isPunctuation(c) ? "\\" : "").append(c);
        }
        return quoted.toString();
    }

    /** Characters to put inside a character class: ASCII punctuation escaped, as RE2 allows. */
    private static String classQuoted(String characters) {
        StringBuilder quoted = new StringBuilder();
        for (char c : characters.toCharArray()) {
            quoted.append(isPunctuation(c) ? "\\" : "").append(c);
        }
        return quoted.toString();
    }

    private static boolean isPunctuation(char c) {
        return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c) && c != '_' && !Character.isISOControl(c);
    }
}
