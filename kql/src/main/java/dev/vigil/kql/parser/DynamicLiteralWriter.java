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
            case TIMESPAN_LITERAL: {
                // held as its text, as a timespan inside a dynamic value is everywhere else ([-][d.]hh:mm:ss[.fffffff])
                parser.advance();
                long ticks = LiteralValues.timespanTicks(token.value()).orElseThrow(() -> new DiagnosticException(
                        DiagnosticFacts.malformedLiteral("timespan", "'" + token.value() + "' is not a timespan"), token.span()));
                writeString(timespanText(ticks), json);
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

    /** {@code [-][d.]hh:mm:ss[.fffffff]}: a timespan's text as Kusto writes it. */
    private static String timespanText(long ticks) {
        long magnitude = Math.abs(ticks);
        long days = magnitude / 864_000_000_000L;
        long rest = magnitude % 864_000_000_000L;
        StringBuilder text = new StringBuilder(ticks < 0 ? "-" : "");
        if (days > 0) {
            text.append(days).append('.');
        }
        text.append(String.format("%02d:%02d:%02d", rest / 36_000_000_000L, rest % 36_000_000_000L / 600_000_000L, rest % 600_000_000L / 10_000_000L));
        if (rest % 10_000_000L != 0) {
            text.append(String.format(".%07d", rest % 10_000_000L));
        }
        return text.toString();
    }
}
