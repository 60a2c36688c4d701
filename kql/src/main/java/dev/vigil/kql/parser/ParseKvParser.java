package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.ParseKvOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;

/** {@code parse-kv}: the source expression, the keys after {@code as}, and the {@code with} options. */
final class ParseKvParser {
    private ParseKvParser() {
    }

    static ParseKvOperator parseKv(KqlParser parser, Token keyword) {
        Expression source = parser.expression();
        parser.expectWord("as");
        List<ColumnDeclaration> keys = parser.columnDeclarations(false);
        Span span = keyword.span().to(parser.previous().span());
        List<ParseKvOperator.Option> options = new ArrayList<>();
        if (parser.current().isWord("with")) {
            parser.advance();
            parser.expect(TokenKind.OPEN_PAREN, "'('");
            while (!parser.current().is(TokenKind.CLOSE_PAREN)) {
                if (!options.isEmpty()) {
                    parser.expect(TokenKind.COMMA, "',' or ')'");
                }
                Identifier name = parser.identifier("an option such as pair_delimiter, kv_delimiter, quote, escape, greedy or regex");
                parser.expect(TokenKind.ASSIGN, "'='");
                options.add(new ParseKvOperator.Option(name, parser.expression()));
            }
            span = span.to(parser.advance().span());
        }
        return new ParseKvOperator(source, keys, options, span);
    }
}
