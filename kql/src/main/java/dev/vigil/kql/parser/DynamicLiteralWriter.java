package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;

/** Reads the constant inside {@code dynamic(...)} (arrays, property bags, scalars) and writes it as JSON text. */
final class DynamicLiteralWriter {
    private DynamicLiteralWriter() {
    }

    static void writeValue(KqlParser parser, StringBuilder json) {
        parser.enterNesting();
        Token token = parser.current();
        switch (token.kind()) {
            case OPEN_BRACKET: {
                parser.advance();
                json.append('[');
                if (!parser.current().is(TokenKind.CLOSE_BRACKET)) {
                    writeValue(parser, json);
                    while (parser.current().is(TokenKind.COMMA)) {
                        parser.advance();
                        json.append(',');
                        writeValue(parser, json);
                    }
                }
                parser.expect(TokenKind.CLOSE_BRACKET, "']' or ','");
                json.append(']');
                break;
            }
            case OPEN_BRACE: {
                parser.advance();
                json.append('{');
                if (!parser.current().is(TokenKind.CLOSE_BRACE)) {
                    writeProperty(parser, json);
                    while (parser.current().is(TokenKind.COMMA)) {
                        parser.advance();
                        json.append(',');
                        writeProperty(parser, json);
                    }
                }
                parser.expect(TokenKind.CLOSE_BRACE, "'}' or ','");
                json.append('}');
                break;
            }
            case STRING_LITERAL:
                parser.advance();
                writeString(token.value(), json);
                break;
            case BRACKETED_NAME:
                // ["a"] is lexed like the name ['a']; inside dynamic it is an array of one string
                parser.advance();
                json.append('[');
                writeString(token.value(), json);
                json.append(']');
                break;
            case LONG_LITERAL:
            case REAL_LITERAL:
                parser.advance();
                json.append(token.text());
                break;
            case MINUS: {
                parser.advance();
                Token number = parser.current();
                if (!number.is(TokenKind.LONG_LITERAL) && !number.is(TokenKind.REAL_LITERAL)) {
                    throw new DiagnosticException(DiagnosticFacts.expected("a number", KqlParser.describe(number)), number.span());
                }
                parser.advance();
                json.append('-').append(number.text());
                break;
            }
            case DATETIME_LITERAL: {
                parser.advance();
                var instant = LiteralValues.datetime(token.value()).orElseThrow(() -> new DiagnosticException(
                        DiagnosticFacts.malformedLiteral("datetime", "'" + token.value() + "' is not a date and time"), token.span()));
                writeString(instant.toString(), json);
                break;
            }
            case IDENTIFIER:
                if (token.text().equals("true") || token.text().equals("false") || token.text().equals("null")) {
                    parser.advance();
                    json.append(token.text());
                    break;
                }
                throw new DiagnosticException(DiagnosticFacts.expected("a constant value", token.text()), token.span());
            default:
                throw new DiagnosticException(DiagnosticFacts.expected("a constant value", KqlParser.describe(token)), token.span());
        }
        parser.leaveNesting();
    }

    private static void writeProperty(KqlParser parser, StringBuilder json) {
        Token key = parser.current();
        if (!key.is(TokenKind.STRING_LITERAL) && !key.is(TokenKind.IDENTIFIER)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a property name", KqlParser.describe(key)), key.span());
        }
        parser.advance();
        writeString(key.value(), json);
        parser.expect(TokenKind.COLON, "':'");
        json.append(':');
        writeValue(parser, json);
    }

    static void writeString(String value, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': json.append("\\\""); break;
                case '\\': json.append("\\\\"); break;
                case '\n': json.append("\\n"); break;
                case '\r': json.append("\\r"); break;
                case '\t': json.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }
}
