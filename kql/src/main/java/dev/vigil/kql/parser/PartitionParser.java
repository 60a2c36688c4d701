package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.PartitionOperator;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code partition [hints] by Column (Subquery)} and the legacy {@code partition [hints] by Column {Query}}. */
final class PartitionParser {
    private PartitionParser() {
    }

    static PartitionOperator partition(KqlParser parser, Token keyword) {
        Map<String, Token> options = parser.options(List.of());
        parser.expectWord("by");
        Identifier key = parser.identifier("the partition key column");
        TabularExpression subquery;
        boolean ownSource;
        Token close;
        if (parser.current().is(TokenKind.OPEN_BRACE)) {
            parser.advance();
            subquery = parser.tabularExpression();
            close = parser.expect(TokenKind.CLOSE_BRACE, "'}'");
            ownSource = true;
        } else {
            parser.expect(TokenKind.OPEN_PAREN, "'(' or '{'");
            subquery = parser.subqueryOverRows();
            close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
            ownSource = false;
        }
        return new PartitionOperator(Optional.ofNullable(options.get("hint.strategy")), key, subquery, ownSource,
                keyword.span().to(close.span()));
    }
}
