package dev.vigil.iot.routing.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a route condition into tokens. Names are letters, digits and {@code _}; a name after
 * {@code $} may also hold {@code -} (IoT Hub's {@code $dt-dataschema}, {@code $content-type}).
 * Strings are in single or double quotes with the escapes {@code \'}, {@code \"}, {@code \\} and
 * {@code \}{@code uXXXX}; numbers are decimal (with fraction and exponent) or {@code 0x} hexadecimal.
 */
final class ConditionLexer {
    private static final List<String> SYMBOLS = List.of("<=", ">=", "<>", "!=", "=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-", "*", "/", "%");

    private final String text;
    private int i;

    private ConditionLexer(String text) {
        this.text = text;
    }

    static List<ConditionToken> tokens(String text) {
        return new ConditionLexer(text).all();
    }

    private List<ConditionToken> all() {
        List<ConditionToken> tokens = new ArrayList<>();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isNameStart(c)) {
                int start = i;
                skipName(false);
                tokens.add(new ConditionToken(ConditionToken.Kind.NAME, text.substring(start, i), start));
            } else if (c == '$') {
                int start = i++;
                if (i >= text.length() || !isNameStart(text.charAt(i))) {
                    throw new ConditionSyntaxException(text, start, "expected a property name after '$'");
                }
                skipName(true);
                tokens.add(new ConditionToken(ConditionToken.Kind.DOLLAR_NAME, text.substring(start + 1, i), start));
            } else if (Character.isDigit(c)) {
                tokens.add(number());
            } else if (c == '\'' || c == '"') {
                tokens.add(string());
            } else {
                int at = i;
                String symbol = SYMBOLS.stream().filter(s -> text.startsWith(s, at)).findFirst()
                        .orElseThrow(() -> new ConditionSyntaxException(text, at, "unexpected character '" + c + "'"));
                tokens.add(new ConditionToken(ConditionToken.Kind.SYMBOL, symbol, at));
                i += symbol.length();
            }
        }
        tokens.add(new ConditionToken(ConditionToken.Kind.END, "", text.length()));
        return tokens;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void skipName(boolean hyphens) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || (hyphens && c == '-' && i + 1 < text.length() && isNameStart(text.charAt(i + 1)))) {
                i++;
            } else {
                return;
            }
        }
    }

    private ConditionToken number() {
        int start = i;
        if (text.startsWith("0x", i) || text.startsWith("0X", i)) {
            i += 2;
            while (i < text.length() && Character.digit(text.charAt(i), 16) >= 0) {
                i++;
            }
            if (i == start + 2) {
                throw new ConditionSyntaxException(text, start, "expected hexadecimal digits after '0x'");
            }
            return new ConditionToken(ConditionToken.Kind.NUMBER, text.substring(start, i), start);
        }
        digits();
        if (i + 1 < text.length() && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
            i++;
            digits();
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            if (i >= text.length() || !Character.isDigit(text.charAt(i))) {
                throw new ConditionSyntaxException(text, exponent, "expected the exponent's digits after '" + text.substring(start, i) + "'");
            }
            digits();
        }
        if (i < text.length() && isNameStart(text.charAt(i))) {
            throw new ConditionSyntaxException(text, i, "unexpected '" + text.charAt(i) + "' right after the number '" + text.substring(start, i) + "'");
        }
        return new ConditionToken(ConditionToken.Kind.NUMBER, text.substring(start, i), start);
    }

    private void digits() {
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
    }

    private ConditionToken string() {
        int start = i;
        char quote = text.charAt(i++);
        StringBuilder value = new StringBuilder();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                i++;
                return new ConditionToken(ConditionToken.Kind.STRING, value.toString(), start);
            }
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                i++;
            }
        }
        throw new ConditionSyntaxException(text, start, "the string has no closing " + quote);
    }

    private char escape() {
        int at = i;
        if (i + 1 >= text.length()) {
            throw new ConditionSyntaxException(text, at, "a string ends in a lone '\\'");
        }
        char next = text.charAt(i + 1);
        i += 2;
        return switch (next) {
            case '\'', '"', '\\' -> next;
            case 'u' -> {
                if (i + 4 > text.length()) {
                    throw new ConditionSyntaxException(text, at, "'\\u' takes 4 hexadecimal digits");
                }
                try {
                    char unicode = (char) Integer.parseInt(text.substring(i, i + 4), 16);
                    i += 4;
                    yield unicode;
                } catch (NumberFormatException e) {
                    throw new ConditionSyntaxException(text, at, "'\\u' takes 4 hexadecimal digits, found '" + text.substring(i, i + 4) + "'");
                }
            }
            default -> throw new ConditionSyntaxException(text, at, "unknown escape '\\" + next + "' (allowed: \\' \\\" \\\\ \\uXXXX)");
        };
    }
}
