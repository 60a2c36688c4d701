package dev.vigil.iot.twin.query;

import dev.vigil.iot.twin.InvalidTwinQueryException;
import java.util.ArrayList;
import java.util.List;

/** Splits a twin query into tokens: identifiers (letters, digits, {@code _}, {@code $}), numbers, quoted strings and symbols. */
final class QueryLexer {
    private static final List<String> SYMBOLS = List.of("<=", ">=", "<>", "!=", "=", "<", ">", "(", ")", "[", "]", ",", ".", "*");

    private QueryLexer() {
    }

    static List<QueryToken> tokens(String text) {
        List<QueryToken> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new QueryToken(QueryToken.Kind.IDENTIFIER, text.substring(start, i), start + 1));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int start = i++;
                i = digits(text, i);
                if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                    i++;
                    if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                        i++;
                    }
                    i = digits(text, i);
                }
                tokens.add(new QueryToken(QueryToken.Kind.NUMBER, text.substring(start, i), start + 1));
            } else if (c == '\'' || c == '"') {
                i = string(text, i, tokens);
            } else {
                int at = i;
                String symbol = SYMBOLS.stream().filter(s -> text.startsWith(s, at)).findFirst()
                        .orElseThrow(() -> new InvalidTwinQueryException("unexpected character '" + c + "' at column " + (at + 1)));
                tokens.add(new QueryToken(QueryToken.Kind.SYMBOL, symbol, at + 1));
                i += symbol.length();
            }
        }
        tokens.add(new QueryToken(QueryToken.Kind.END, "", text.length() + 1));
        return tokens;
    }

    private static int digits(String text, int i) {
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    /** A string in the quote it starts with; the quote doubled, or after a backslash, stands for itself. */
    private static int string(String text, int start, List<QueryToken> tokens) {
        char quote = text.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                value.append(text.charAt(i + 1));
                i += 2;
            } else if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                tokens.add(new QueryToken(QueryToken.Kind.STRING, value.toString(), start + 1));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new InvalidTwinQueryException("the string starting at column " + (start + 1) + " has no closing " + quote);
    }
}
