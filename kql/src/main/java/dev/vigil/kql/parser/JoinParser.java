package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.JoinCondition;
import dev.vigil.kql.syntax.JoinOperator;
import dev.vigil.kql.syntax.LookupOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.TabularFunctionCall;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code join} and {@code lookup}: options, the right side, and the {@code on} conditions. */
final class JoinParser {
    private static final List<String> OPTIONS = List.of("kind");

    private JoinParser() {
    }

    static JoinOperator join(KqlParser parser, Token keyword) {
        Optional<Identifier> kind = kind(parser.options(OPTIONS));
        TabularExpression right = right(parser);
        List<JoinCondition> conditions = conditions(parser);
        return new JoinOperator(kind, right, conditions, keyword.span().to(KqlParser.last(conditions).span()));
    }

    static LookupOperator lookup(KqlParser parser, Token keyword) {
        Optional<Identifier> kind = kind(parser.options(OPTIONS));
        TabularExpression right = right(parser);
        List<JoinCondition> conditions = conditions(parser);
        return new LookupOperator(kind, right, conditions, keyword.span().to(KqlParser.last(conditions).span()));
    }

    private static Optional<Identifier> kind(Map<String, Token> options) {
        return Optional.ofNullable(options.get("kind")).map(t -> new Identifier(t.text(), t.span()));
    }

    static TabularExpression right(KqlParser parser) {
        if (parser.current().is(TokenKind.OPEN_PAREN)) {
            parser.advance();
            TabularExpression inner = parser.tabularExpression();
            parser.expect(TokenKind.CLOSE_PAREN, "')'");
            return inner;
        }
        if (parser.current().is(TokenKind.IDENTIFIER) && parser.peek(1).is(TokenKind.OPEN_PAREN)) {
            Expression call = parser.identifierExpression();
            if (!(call instanceof FunctionCall function)) {
                // a typed literal such as dynamic([...]) is not a table
                throw new DiagnosticException(DiagnosticFacts.tabularExpected(), call.span());
            }
            return new TabularFunctionCall(function);
        }
        return parser.tableName();
    }

    static List<JoinCondition> conditions(KqlParser parser) {
        parser.expectWord("on");
        List<JoinCondition> conditions = new ArrayList<>();
        conditions.add(condition(parser));
        while (parser.current().is(TokenKind.COMMA) || parser.current().isWord("and")) {
            parser.advance();
            conditions.add(condition(parser));
        }
        return conditions;
    }

    private static JoinCondition condition(KqlParser parser) {
        Token start = parser.current();
        if (!start.isWord("$left") && !start.isWord("$right")) {
            Identifier name = parser.identifier("a column name or $left.Column == $right.Column");
            return new JoinCondition(name, name, name.span());
        }
        Token firstSide = parser.advance();
        parser.expect(TokenKind.DOT, "'.'");
        Identifier first = parser.identifier("a column name");
        parser.expect(TokenKind.EQUAL, "'=='");
        Token secondSide = parser.current();
        String expectedSide = firstSide.text().equals("$left") ? "$right" : "$left";
        if (!secondSide.isWord(expectedSide)) {
            throw new DiagnosticException(DiagnosticFacts.expected("'" + expectedSide + "'", KqlParser.describe(secondSide)),
                    secondSide.span());
        }
        parser.advance();
        parser.expect(TokenKind.DOT, "'.'");
        Identifier second = parser.identifier("a column name");
        Span span = start.span().to(second.span());
        return firstSide.text().equals("$left") ? new JoinCondition(first, second, span) : new JoinCondition(second, first, span);
    }
}
