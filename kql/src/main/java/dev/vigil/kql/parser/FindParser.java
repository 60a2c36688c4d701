package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FindColumn;
import dev.vigil.kql.syntax.FindExpression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code find [withsource=Name] [in (T1, T2*)] [where] Predicate [project-smart | project Name[:type], ... [, pack_all()]]}. */
final class FindParser {
    private FindParser() {
    }

    static FindExpression find(KqlParser parser, Token keyword) {
        Map<String, Token> options = parser.options(List.of("withsource"));
        Optional<Identifier> withSource = Optional.ofNullable(options.get("withsource"))
                .map(token -> new Identifier(token.value(), token.span()));
        List<TableReference> tables = parser.inTables();
        if (!tables.isEmpty()) {
            parser.expectWord("where");
        } else if (parser.current().isWord("where")) {
            parser.advance();
        }
        Expression predicate = parser.expression();
        Optional<List<FindColumn>> columns = Optional.empty();
        boolean packAll = false;
        if (parser.current().isWord("project") && parser.peek(1).is(TokenKind.MINUS) && parser.peek(2).isWord("smart")) {
            parser.advance();
            parser.advance();
            parser.advance();
        } else if (parser.current().isWord("project")) {
            parser.advance();
            List<FindColumn> listed = new ArrayList<>();
            do {
                if (!listed.isEmpty() || packAll) {
                    parser.advance();
                }
                if (parser.current().isWord("pack_all") && parser.peek(1).is(TokenKind.OPEN_PAREN)) {
                    parser.advance();
                    parser.advance();
                    parser.expect(TokenKind.CLOSE_PAREN, "')'");
                    packAll = true;
                    break;
                }
                Identifier name = parser.identifier("a column name");
                Optional<Token> type = Optional.empty();
                if (parser.current().is(TokenKind.COLON)) {
                    parser.advance();
                    type = Optional.of(parser.typeName());
                }
                listed.add(new FindColumn(name, type));
            } while (parser.current().is(TokenKind.COMMA));
            columns = Optional.of(listed);
        }
        return new FindExpression(withSource, tables, predicate, columns, packAll, keyword.span().to(parser.previous().span()));
    }
}
