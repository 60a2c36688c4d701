package dev.vigil.kql.syntax;

/**
 * One token of the query text.
 *
 * @param text the token as written (for strings and datetime/timespan literals, the raw source)
 * @param value the decoded content where it differs from the text: a string literal's value, the
 *     inside of {@code datetime(...)} or {@code timespan(...)}, a bracketed name's name
 */
public record Token(TokenKind kind, String text, String value, Span span) {

    public boolean is(TokenKind other) {
        return kind == other;
    }

    /** True for an identifier spelled {@code word} (keywords are case-sensitive in KQL). */
    public boolean isWord(String word) {
        return kind == TokenKind.IDENTIFIER && text.equals(word);
    }
}
