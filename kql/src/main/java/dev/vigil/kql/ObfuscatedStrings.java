package dev.vigil.kql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kusto's obfuscated string literals ({@code h'…'}, {@code H"…"}, {@code h@'…'}): strings like any
 * other to the query, whose text Vigil keeps out of what it records. {@link #masked} is the query
 * text as {@code LAQueryLogs} and the audit keep it; {@link #maskedIn} hides their values in a
 * message (a failed query's error) before it is recorded.
 *
 * <p>This reads the text on its own rather than through the parser, so that it masks what it
 * should in a query that does not parse, too: an obfuscated literal that never ends is masked to
 * the end of its line.
 */
public final class ObfuscatedStrings {
    /** What replaces an obfuscated literal's content: always as long, so that the text tells nothing of the secret's length. */
    public static final String MASK = "*****";

    private ObfuscatedStrings() {
    }

    /** One obfuscated literal: where it is in the text and the string it stands for. */
    private record Found(int start, int end, char quote, boolean verbatim, String value) {
    }

    /** The query text with each obfuscated literal's content replaced by {@link #MASK}: {@code h'*****'}. */
    public static String masked(String queryText) {
        if (queryText == null) {
            return null;
        }
        List<Found> found = find(queryText);
        if (found.isEmpty()) {
            return queryText;
        }
        StringBuilder masked = new StringBuilder(queryText.length());
        int from = 0;
        for (Found literal : found) {
            masked.append(queryText, from, literal.start());
            masked.append(queryText.charAt(literal.start())).append(literal.verbatim() ? "@" : "").append(literal.quote()).append(MASK)
                    .append(literal.quote());
            from = literal.end();
        }
        return masked.append(queryText, from, queryText.length()).toString();
    }

    /** Whether the text has an obfuscated literal. */
    public static boolean any(String queryText) {
        return queryText != null && !find(queryText).isEmpty();
    }

    /** The message with every obfuscated value of the query replaced by {@link #MASK} (the longest first, so that none is half masked). */
    public static String maskedIn(String message, String queryText) {
        if (message == null || queryText == null) {
            return message;
        }
        List<String> values = new ArrayList<>(find(queryText).stream().map(Found::value).filter(v -> !v.isEmpty()).distinct().toList());
        values.sort(Comparator.comparingInt(String::length).reversed());
        String masked = message;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }

    private static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                i = lineEnd(text, i);
            } else if ((c == 'h' || c == 'H') && literalStart(text, i + 1)) {
                Found literal = literal(text, i, i + 1);
                found.add(literal);
                i = literal.end();
            } else if (c == '\'' || c == '"' || (c == '@' && literalStart(text, i))) {
                i = literal(text, i, i).end();
            } else if (c == '_' || c == '$' || (c < 128 && Character.isLetterOrDigit(c))) {
                // a whole word, so that the h of a name such as 'bath' is not taken for a prefix
                while (i < text.length() && (text.charAt(i) == '_' || text.charAt(i) == '$' || (text.charAt(i) < 128 && Character.isLetterOrDigit(text.charAt(i))))) {
                    i++;
                }
            } else {
                i++;
            }
        }
        return found;
    }

    private static boolean literalStart(String text, int at) {
        char first = at < text.length() ? text.charAt(at) : 0;
        char second = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        return first == '\'' || first == '"' || (first == '@' && (second == '\'' || second == '"'));
    }

    /** The literal starting at {@code prefix} whose quote (or {@code @}) is at {@code at}; one that never ends runs to the end of its line. */
    private static Found literal(String text, int prefix, int at) {
        boolean verbatim = text.charAt(at) == '@';
        int quoteAt = verbatim ? at + 1 : at;
        char quote = text.charAt(quoteAt);
        StringBuilder value = new StringBuilder();
        int i = quoteAt + 1;
        while (i < text.length() && text.charAt(i) != '\n') {
            char c = text.charAt(i);
            if (c == quote) {
                if (verbatim && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                return new Found(prefix, i + 1, quote, verbatim, value.toString());
            }
            if (!verbatim && c == '\\' && i + 5 < text.length() && text.charAt(i + 1) == 'u'
                    && text.substring(i + 2, i + 6).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                value.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 6;
                continue;
            }
            if (!verbatim && c == '\\' && i + 1 < text.length()) {
                value.append(escaped(text.charAt(i + 1)));
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        return new Found(prefix, i, quote, verbatim, value.toString());
    }

    private static String escaped(char c) {
        return switch (c) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '0' -> "\0";
            default -> String.valueOf(c);
        };
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }
}
