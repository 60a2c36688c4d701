package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.ParseOperator;
import dev.vigil.kql.syntax.ParsePart;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code parse} and {@code parse-where}: options, the source expression and the pattern after {@code with}. */
final class ParseOperatorParser {
    private static final List<String> OPTIONS = List.of("kind", "flags");

    private ParseOperatorParser() {
    }

    static ParseOperator parse(KqlParser parser, Token keyword, boolean filtering) {
        Map<String, Token> options = parser.options(OPTIONS);
        Expression source = parser.expression();
        parser.expectWord("with");
        List<ParsePart> pattern = new ArrayList<>();
        Span span = keyword.span();
        while (true) {
            Token token = parser.current();
            if (token.is(TokenKind.COMMA)) {
                parser.advance();
                continue;
            }
            if (token.is(TokenKind.STAR)) {
                parser.advance();
                pattern.add(new ParsePart.Skip(token.span()));
            } else if (token.is(TokenKind.STRING_LITERAL)) {
                parser.advance();
                pattern.add(new ParsePart.Literal(token.value(), token.span()));
            } else if (KqlParser.isNameToken(token)) {
                Identifier name = parser.identifier("a column name");
                Optional<String> type = Optional.empty();
                Span partSpan = name.span();
                if (parser.current().is(TokenKind.COLON)) {
                    parser.advance();
                    Token typeToken = parser.typeName();
                    type = Optional.of(typeToken.text());
                    partSpan = partSpan.to(typeToken.span());
                }
                pattern.add(new ParsePart.Capture(name, type, partSpan));
            } else {
                break;
            }
            span = span.to(parser.previous().span());
        }
        if (pattern.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.expected("a parse pattern", KqlParser.describe(parser.current())),
                    parser.current().span());
        }
        Optional<Identifier> kind = Optional.ofNullable(options.get("kind")).map(t -> new Identifier(t.text(), t.span()));
        Optional<String> flags = Optional.ofNullable(options.get("flags")).map(Token::value);
        return new ParseOperator(kind, flags, source, pattern, filtering, span);
    }
}
