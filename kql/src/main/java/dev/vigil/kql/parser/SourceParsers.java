package dev.vigil.kql.parser;

import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.DatatableExpression;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ExternalDataExpression;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.syntax.PrintExpression;
import dev.vigil.kql.syntax.RangeExpression;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators that make a table without an input: from constants ({@code datatable}, {@code print},
 * {@code range}) or from outside the workspace ({@code externaldata}).
 */
final class SourceParsers {
    private SourceParsers() {
    }

    static DatatableExpression datatable(KqlParser parser) {
        Token keyword = parser.advance();
        List<ColumnDeclaration> columns = parser.columnDeclarations(false);
        if (parser.current().is(TokenKind.BRACKETED_NAME)) {
            // ["value"] reads as a bracketed name; here it is a list of one string
            Token single = parser.advance();
            LiteralExpression value = new LiteralExpression(LiteralKind.STRING, single.value(), single.span());
            return new DatatableExpression(columns, List.of(value), keyword.span().to(single.span()));
        }
        parser.expect(TokenKind.OPEN_BRACKET, "'['");
        List<Expression> values = new ArrayList<>();
        while (!parser.current().is(TokenKind.CLOSE_BRACKET)) {
            values.add(parser.expression());
            if (!parser.current().is(TokenKind.CLOSE_BRACKET)) {
                parser.expect(TokenKind.COMMA, "',' or ']'");
            }
        }
        Token close = parser.advance();
        return new DatatableExpression(columns, values, keyword.span().to(close.span()));
    }

    /**
     * {@code externaldata (Name:type, ...) [ "location", ... ] with (name = value, ...)}. The
     * locations and property values are expressions here; the binder requires constants.
     */
    static ExternalDataExpression externaldata(KqlParser parser) {
        Token keyword = parser.advance();
        List<ColumnDeclaration> columns = parser.columnDeclarations(false);
        List<Expression> locations = new ArrayList<>();
        Token close;
        if (parser.current().is(TokenKind.BRACKETED_NAME)) {
            // ["url"] reads as a bracketed name; here it is a list of one location
            close = parser.advance();
            locations.add(new LiteralExpression(LiteralKind.STRING, close.value(), close.span()));
        } else {
            parser.expect(TokenKind.OPEN_BRACKET, "'['");
            while (!parser.current().is(TokenKind.CLOSE_BRACKET)) {
                locations.add(parser.expression());
                if (!parser.current().is(TokenKind.CLOSE_BRACKET)) {
                    parser.expect(TokenKind.COMMA, "',' or ']'");
                }
            }
            close = parser.advance();
        }
        Span span = keyword.span().to(close.span());
        List<NamedArgument> properties = new ArrayList<>();
        if (parser.current().isWord("with") && parser.peek(1).is(TokenKind.OPEN_PAREN)) {
            parser.advance();
            parser.advance();
            while (!parser.current().is(TokenKind.CLOSE_PAREN)) {
                Identifier name = parser.identifier("a property name");
                parser.expect(TokenKind.ASSIGN, "'='");
                Expression value = parser.expression();
                properties.add(new NamedArgument(name, value, name.span().to(value.span())));
                if (!parser.current().is(TokenKind.CLOSE_PAREN)) {
                    parser.expect(TokenKind.COMMA, "',' or ')'");
                }
            }
            span = span.to(parser.advance().span());
        }
        return new ExternalDataExpression(columns, locations, properties, span);
    }

    static PrintExpression print(KqlParser parser) {
        Token keyword = parser.advance();
        if (parser.current().is(TokenKind.END_OF_TEXT) || parser.current().is(TokenKind.PIPE)
                || parser.current().is(TokenKind.SEMICOLON)) {
            return new PrintExpression(List.of(), keyword.span());
        }
        List<ColumnAssignment> columns = parser.assignments();
        return new PrintExpression(columns, keyword.span().to(KqlParser.last(columns).span()));
    }

    static RangeExpression range(KqlParser parser) {
        Token keyword = parser.advance();
        Identifier name = parser.identifier("a column name");
        parser.expectWord("from");
        Expression from = parser.expression();
        parser.expectWord("to");
        Expression to = parser.expression();
        parser.expectWord("step");
        Expression step = parser.expression();
        Span span = keyword.span().to(step.span());
        return new RangeExpression(name, from, to, step, span);
    }
}
