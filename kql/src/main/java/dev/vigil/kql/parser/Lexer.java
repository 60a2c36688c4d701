package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** Turns query text into tokens, skipping whitespace and {@code //} comments. Stops at the first bad character. */
final class Lexer {
    private final String text;
    private int position;
    private final List<Token> tokens = new ArrayList<>();

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (true) {
            skipTrivia();
            if (position >= text.length()) {
                tokens.add(new Token(TokenKind.END_OF_TEXT, "", "", new Span(text.length(), 0)));
                return;
            }
            tokens.add(next());
        }
    }

    private void skipTrivia() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '/' && peek(1) == '/') {
                while (position < text.length() && text.charAt(position) != '\n') {
                    position++;
                }
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = position;
        char c = text.charAt(position);
        if ((c == 'h' || c == 'H') && startsString(position + 1)) {
            return obfuscatedString(start);
        }
        if (isIdentifierStart(c)) {
            return identifierOrSpecialLiteral(start);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            return number(start);
        }
        if (c == '"' || c == '\'') {
            return quotedString(start, c);
        }
        if (c == '@' && (peek(1) == '"' || peek(1) == '\'')) {
            return verbatimString(start);
        }
        if (c == '[' && (peek(1) == '\'' || peek(1) == '"' || (peek(1) == '@' && (peek(2) == '\'' || peek(2) == '"')))
                && closesRightAfterString(start + 1)) {
            return bracketedName(start);
        }
        return punctuation(start, c);
    }

    private Token identifierOrSpecialLiteral(int start) {
        while (position < text.length() && isIdentifierPart(text.charAt(position))) {
            position++;
        }
        if (position - start == 2 && text.startsWith("in", start) && peek(0) == '~') {
            position++;
            return token(TokenKind.IDENTIFIER, start, "in~");
        }
        String word = text.substring(start, position);
        if (word.equals("datetime") || word.equals("timespan") || word.equals("time") || word.equals("guid")) {
            int open = position;
            while (open < text.length() && text.charAt(open) == ' ') {
                open++;
            }
            if (open < text.length() && text.charAt(open) == '(') {
                int close = text.indexOf(')', open);
                if (close < 0) {
                    throw new DiagnosticException(DiagnosticFacts.expected("')'", "end of query"), new Span(text.length(), 0));
                }
                position = close + 1;
                String inside = text.substring(open + 1, close).trim();
                TokenKind kind = word.equals("datetime") ? TokenKind.DATETIME_LITERAL
                        : word.equals("guid") ? TokenKind.GUID_LITERAL : TokenKind.TIMESPAN_LITERAL;
                return token(kind, start, inside);
            }
        }
        return token(TokenKind.IDENTIFIER, start, word);
    }

    private Token number(int start) {
        if (peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X') && Character.digit(peek(2), 16) >= 0) {
            return hexNumber(start);
        }
        boolean real = false;
        digits();
        if (peek(0) == '.' && Character.isDigit(peek(1))) {
            real = true;
            position++;
            digits();
        } else if (peek(0) == '.' && !isIdentifierStart(peek(1)) && peek(1) != '.') {
            real = true;
            position++;
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
            real = true;
            position += 2;
            digits();
        }
        String number = text.substring(start, position);
        if (isIdentifierStart(peek(0))) {
            int unitStart = position;
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                position++;
            }
            String unit = text.substring(unitStart, position);
            if (TimespanUnits.ticksPer(unit).isEmpty()) {
                throw new DiagnosticException(
                        DiagnosticFacts.malformedLiteral("number", "'" + unit + "' is not a timespan unit such as d, h, m, s, ms or tick"),
                        new Span(start, position - start));
            }
            return token(TokenKind.TIMESPAN_LITERAL, start, number + unit);
        }
        return token(real ? TokenKind.REAL_LITERAL : TokenKind.LONG_LITERAL, start, number);
    }

    /**
     * A hexadecimal long ({@code 0xCAFEF00D}, up to 16 digits, the 64 bits taken as a signed long as Kusto does). The token
     * carries the decimal text, so that every reader of long literals takes it as it is.
     */
    private Token hexNumber(int start) {
        position += 2;
        int digitsStart = position;
        while (position < text.length() && Character.digit(text.charAt(position), 16) >= 0) {
            position++;
        }
        String hex = text.substring(digitsStart, position);
        if (hex.length() > 16 || isIdentifierPart(peek(0))) {
            while (position < text.length() && isIdentifierPart(text.charAt(position))) {
                position++;
            }
            throw new DiagnosticException(DiagnosticFacts.malformedLiteral("number", "a hexadecimal long has at most 16 hexadecimal digits"),
                    new Span(start, position - start));
        }
        String decimal = Long.toString(Long.parseUnsignedLong(hex, 16));
        return new Token(TokenKind.LONG_LITERAL, decimal, decimal, new Span(start, position - start));
    }

    private void digits() {
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
    }

    private Token quotedString(int start, char quote) {
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= text.length() || text.charAt(position) == '\n') {
                throw new DiagnosticException(DiagnosticFacts.unterminatedString(), new Span(start, position - start));
            }
            char c = text.charAt(position);
            if (c == quote) {
                position++;
                return token(TokenKind.STRING_LITERAL, start, value.toString());
            }
            if (c == '\\') {
                value.append(escape(start));
            } else {
                value.append(c);
                position++;
            }
        }
    }

    private String escape(int stringStart) {
        int escapeStart = position;
        char next = peek(1);
        position += 2;
        switch (next) {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case '\\': return "\\";
            case '\'': return "'";
            case '"': return "\"";
            case '0': return "\0";
            case 'u': {
                if (position + 4 > text.length()) {
                    break;
                }
                String hex = text.substring(position, position + 4);
                if (!hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                    break;
                }
                position += 4;
                return String.valueOf((char) Integer.parseInt(hex, 16));
            }
            default:
                break;
        }
        throw new DiagnosticException(
                DiagnosticFacts.malformedLiteral("string", "'\\" + (next == 0 ? "" : String.valueOf(next)) + "' is not a known escape"),
                new Span(escapeStart, Math.min(2, text.length() - escapeStart)));
    }

    private Token verbatimString(int start) {
        char quote = text.charAt(start + 1);
        position += 2;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length() || text.charAt(position) == '\n') {
                throw new DiagnosticException(DiagnosticFacts.unterminatedString(), new Span(start, position - start));
            }
            char c = text.charAt(position);
            if (c == quote) {
                if (peek(1) == quote) {
                    value.append(quote);
                    position += 2;
                    continue;
                }
                position++;
                return token(TokenKind.STRING_LITERAL, start, value.toString());
            }
            value.append(c);
            position++;
        }
    }

    /** Whether a string literal ({@code '…'}, {@code "…"}, {@code @'…'}, {@code @"…"}) or a multi-line one starts here. */
    private boolean startsString(int at) {
        char first = at < text.length() ? text.charAt(at) : 0;
        char second = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        return first == '\'' || first == '"' || (first == '@' && (second == '\'' || second == '"')) || text.startsWith("```", at);
    }

    /**
     * {@code h'…'}, {@code H"…"}, {@code h@'…'}: a string like the one after the {@code h}, which
     * logs and audits show masked ({@link dev.vigil.kql.ObfuscatedStrings}). Kusto has no obfuscated
     * multi-line strings.
     */
    private Token obfuscatedString(int start) {
        position++;
        if (text.startsWith("```", position)) {
            throw new DiagnosticException(DiagnosticFacts.malformedLiteral("obfuscated string",
                    "a multi-line string cannot be obfuscated; write it as h'…' or h@'…'"), new Span(start, 4));
        }
        Token string;
        try {
            string = text.charAt(position) == '@' ? verbatimString(position) : quotedString(position, text.charAt(position));
        } catch (DiagnosticException e) {
            // an unterminated literal is reported from its h; an escape's error keeps its own place
            boolean fromQuote = e.span().start() == start + 1;
            throw fromQuote ? new DiagnosticException(e.fact(), new Span(start, e.span().start() + e.span().length() - start)) : e;
        }
        return new Token(TokenKind.STRING_LITERAL, text.substring(start, position), string.value(), new Span(start, position - start));
    }

    /**
     * Whether the string starting at {@code quoteStart} is directly followed by ']', as in
     * {@code ['name']}; otherwise the bracket opens an array such as {@code ["a", "b"]}.
     */
    private boolean closesRightAfterString(int quoteStart) {
        int saved = position;
        try {
            position = quoteStart;
            if (text.charAt(position) == '@') {
                verbatimString(position);
            } else {
                quotedString(position, text.charAt(position));
            }
            return peek(0) == ']';
        } catch (DiagnosticException e) {
            return false;
        } finally {
            position = saved;
        }
    }

    private Token bracketedName(int start) {
        position++;
        Token name = text.charAt(position) == '@' ? verbatimString(position) : quotedString(position, text.charAt(position));
        if (peek(0) != ']') {
            throw new DiagnosticException(DiagnosticFacts.expected("']'", position < text.length() ? String.valueOf(peek(0)) : "end of query"),
                    new Span(position, position < text.length() ? 1 : 0));
        }
        position++;
        return token(TokenKind.BRACKETED_NAME, start, name.value());
    }

    private Token punctuation(int start, char c) {
        char next = peek(1);
        switch (c) {
            case '|': return single(TokenKind.PIPE);
            case ',': return single(TokenKind.COMMA);
            case ';': return single(TokenKind.SEMICOLON);
            case '(': return single(TokenKind.OPEN_PAREN);
            case ')': return single(TokenKind.CLOSE_PAREN);
            case '[': return single(TokenKind.OPEN_BRACKET);
            case ']': return single(TokenKind.CLOSE_BRACKET);
            case '{': return single(TokenKind.OPEN_BRACE);
            case '}': return single(TokenKind.CLOSE_BRACE);
            case ':': return single(TokenKind.COLON);
            case '.': return next == '.' ? pair(TokenKind.DOT_DOT) : single(TokenKind.DOT);
            case '+': return single(TokenKind.PLUS);
            case '-': return single(TokenKind.MINUS);
            case '*': return single(TokenKind.STAR);
            case '/': return single(TokenKind.SLASH);
            case '%': return single(TokenKind.PERCENT);
            case '=':
                if (next == '=') {
                    return pair(TokenKind.EQUAL);
                }
                return next == '~' ? pair(TokenKind.EQUAL_TILDE) : single(TokenKind.ASSIGN);
            case '!':
                if (next == '=') {
                    return pair(TokenKind.NOT_EQUAL);
                }
                return next == '~' ? pair(TokenKind.NOT_EQUAL_TILDE) : single(TokenKind.BANG);
            case '<':
                if (next == '>') {
                    return pair(TokenKind.NOT_EQUAL);
                }
                return next == '=' ? pair(TokenKind.LESS_OR_EQUAL) : single(TokenKind.LESS);
            case '>':
                return next == '=' ? pair(TokenKind.GREATER_OR_EQUAL) : single(TokenKind.GREATER);
            default:
                int codePoint = text.codePointAt(start);
                throw new DiagnosticException(DiagnosticFacts.unexpectedCharacter(new String(Character.toChars(codePoint))),
                        new Span(start, Character.charCount(codePoint)));
        }
    }

    private Token single(TokenKind kind) {
        int start = position;
        position++;
        return token(kind, start, text.substring(start, position));
    }

    private Token pair(TokenKind kind) {
        int start = position;
        position += 2;
        return token(kind, start, text.substring(start, position));
    }

    private Token token(TokenKind kind, int start, String value) {
        return new Token(kind, text.substring(start, position), value, new Span(start, position - start));
    }

    private char peek(int ahead) {
        int index = position + ahead;
        return index < text.length() ? text.charAt(index) : 0;
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || c == '$' || (c < 128 && Character.isLetter(c));
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c < 128 && Character.isDigit(c));
    }
}
