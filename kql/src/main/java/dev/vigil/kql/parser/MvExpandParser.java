package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.MvApplyOperator;
import dev.vigil.kql.syntax.MvExpandItem;
import dev.vigil.kql.syntax.MvExpandOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code mv-expand} (and the legacy {@code mvexpand}) and {@code mv-apply}. */
final class MvExpandParser {
    private static final List<String> OPTIONS = List.of("bagexpansion", "kind", "with_itemindex");

    private MvExpandParser() {
    }

    static MvExpandOperator mvExpand(KqlParser parser, Token keyword, boolean legacy) {
        Map<String, Token> options = parser.options(OPTIONS);
        List<MvExpandItem> items = items(parser);
        Span span = keyword.span().to(KqlParser.last(items).span());
        Optional<Expression> limit = Optional.empty();
        if (parser.current().isWord("limit")) {
            parser.advance();
            Expression count = parser.expression();
            limit = Optional.of(count);
            span = span.to(count.span());
        }
        Token expansion = options.containsKey("bagexpansion") ? options.get("bagexpansion") : options.get("kind");
        return new MvExpandOperator(identifier(expansion), identifier(options.get("with_itemindex")), items, limit, legacy, span);
    }

    static MvApplyOperator mvApply(KqlParser parser, Token keyword) {
        Map<String, Token> options = parser.options(OPTIONS);
        List<MvExpandItem> items = items(parser);
        Optional<Expression> limit = Optional.empty();
        if (parser.current().isWord("limit")) {
            parser.advance();
            limit = Optional.of(parser.expression());
        }
        parser.expectWord("on");
        parser.expect(TokenKind.OPEN_PAREN, "'('");
        TabularExpression subquery = parser.subqueryOverRows();
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
        Token expansion = options.containsKey("bagexpansion") ? options.get("bagexpansion") : options.get("kind");
        return new MvApplyOperator(items, identifier(options.get("with_itemindex")), identifier(expansion), limit, subquery,
                keyword.span().to(close.span()));
    }

    private static Optional<Identifier> identifier(Token token) {
        return Optional.ofNullable(token).map(t -> new Identifier(t.value(), t.span()));
    }

    private static List<MvExpandItem> items(KqlParser parser) {
        List<MvExpandItem> items = new ArrayList<>();
        do {
            if (!items.isEmpty()) {
                parser.advance();
            }
            ColumnAssignment assignment = parser.assignment();
            Optional<String> type = Optional.empty();
            Span span = assignment.span();
            if (parser.current().isWord("to") && parser.peek(1).isWord("typeof")) {
                parser.advance();
                parser.advance();
                parser.expect(TokenKind.OPEN_PAREN, "'('");
                type = Optional.of(parser.typeName().text());
                span = span.to(parser.expect(TokenKind.CLOSE_PAREN, "')'").span());
            }
            items.add(new MvExpandItem(assignment.name(), assignment.expression(), type, span));
        } while (parser.current().is(TokenKind.COMMA));
        return items;
    }
}
