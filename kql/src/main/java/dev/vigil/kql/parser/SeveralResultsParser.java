package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.FacetOperator;
import dev.vigil.kql.syntax.ForkBranch;
import dev.vigil.kql.syntax.ForkOperator;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The operators that give several result tables: {@code fork} and {@code facet}. */
final class SeveralResultsParser {
    private SeveralResultsParser() {
    }

    /** {@code fork [Name =] (Subquery) ...}, at least one subquery. */
    static ForkOperator fork(KqlParser parser, Token keyword) {
        List<ForkBranch> branches = new ArrayList<>();
        while (parser.current().is(TokenKind.OPEN_PAREN)
                || KqlParser.isNameToken(parser.current()) && parser.peek(1).is(TokenKind.ASSIGN) && parser.peek(2).is(TokenKind.OPEN_PAREN)) {
            Token start = parser.current();
            Optional<Identifier> name = Optional.empty();
            if (!start.is(TokenKind.OPEN_PAREN)) {
                name = Optional.of(parser.identifier("the name of a fork result"));
                parser.advance();
            }
            TabularExpression subquery = parenthesizedSubquery(parser);
            branches.add(new ForkBranch(name, subquery, start.span().to(parser.previous().span())));
        }
        if (branches.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.expected("'(' and a subquery", KqlParser.describe(parser.current())),
                    parser.current().span());
        }
        return new ForkOperator(branches, keyword.span().to(parser.previous().span()));
    }

    /** {@code facet by Column [, Column ...] [with (Subquery)]}. */
    static FacetOperator facet(KqlParser parser, Token keyword) {
        parser.expectWord("by");
        List<Identifier> columns = new ArrayList<>();
        columns.add(parser.identifier("a column to facet by"));
        while (parser.current().is(TokenKind.COMMA)) {
            parser.advance();
            columns.add(parser.identifier("a column to facet by"));
        }
        Optional<TabularExpression> with = Optional.empty();
        if (parser.current().isWord("with")) {
            parser.advance();
            with = Optional.of(parenthesizedSubquery(parser));
        }
        return new FacetOperator(columns, with, keyword.span().to(parser.previous().span()));
    }

    private static TabularExpression parenthesizedSubquery(KqlParser parser) {
        parser.expect(TokenKind.OPEN_PAREN, "'('");
        TabularExpression subquery = parser.subqueryOverRows();
        parser.expect(TokenKind.CLOSE_PAREN, "')'");
        return subquery;
    }
}
