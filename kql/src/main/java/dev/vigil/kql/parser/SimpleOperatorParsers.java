package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.AsOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.DistinctOperator;
import dev.vigil.kql.syntax.EvaluateOperator;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.InvokeOperator;
import dev.vigil.kql.syntax.RenderOperator;
import dev.vigil.kql.syntax.SampleDistinctOperator;
import dev.vigil.kql.syntax.SampleOperator;
import dev.vigil.kql.syntax.SerializeOperator;
import dev.vigil.kql.syntax.ConsumeOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators whose syntax is a keyword and a short tail: {@code distinct}, {@code serialize},
 * {@code as}, {@code invoke}, {@code sample}, {@code sample-distinct}, {@code render}, {@code evaluate}.
 */
final class SimpleOperatorParsers {
    private SimpleOperatorParsers() {
    }

    static DistinctOperator distinct(KqlParser parser, Token keyword) {
        if (parser.current().is(TokenKind.STAR)) {
            Token star = parser.advance();
            return new DistinctOperator(List.of(), true, keyword.span().to(star.span()));
        }
        List<ColumnAssignment> columns = parser.assignments();
        return new DistinctOperator(columns, false, keyword.span().to(KqlParser.last(columns).span()));
    }

    static SerializeOperator serialize(KqlParser parser, Token keyword) {
        if (!KqlParser.isNameToken(parser.current())) {
            return new SerializeOperator(List.of(), keyword.span());
        }
        List<ColumnAssignment> columns = parser.assignments();
        return new SerializeOperator(columns, keyword.span().to(KqlParser.last(columns).span()));
    }

    static ConsumeOperator consume(KqlParser parser, Token keyword) {
        parser.options(List.of("decodeblocks"));
        return new ConsumeOperator(keyword.span().to(parser.previous().span()));
    }

    static AsOperator as(KqlParser parser, Token keyword) {
        parser.options(List.of("hint.materialized"));
        Identifier name = parser.identifier("a name");
        return new AsOperator(name, keyword.span().to(name.span()));
    }

    static InvokeOperator invoke(KqlParser parser, Token keyword) {
        Token name = parser.current();
        Expression call = parser.identifierExpression();
        if (!(call instanceof FunctionCall functionCall)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a function call", name.text()), name.span());
        }
        return new InvokeOperator(functionCall, keyword.span().to(call.span()));
    }

    static SampleOperator sample(KqlParser parser, Token keyword) {
        Expression count = parser.expression();
        return new SampleOperator(count, keyword.span().to(count.span()));
    }

    static SampleDistinctOperator sampleDistinct(KqlParser parser, Token keyword) {
        Expression count = parser.expression();
        parser.expectWord("of");
        Expression column = parser.expression();
        return new SampleDistinctOperator(count, column, keyword.span().to(column.span()));
    }

    static RenderOperator render(KqlParser parser, Token keyword) {
        Identifier chart = parser.identifier("a visualization such as timechart or barchart");
        Span span = keyword.span().to(chart.span());
        Map<String, String> properties = new LinkedHashMap<>();
        if (parser.current().isWord("with")) {
            parser.advance();
            parser.expect(TokenKind.OPEN_PAREN, "'('");
            while (!parser.current().is(TokenKind.CLOSE_PAREN)) {
                if (!properties.isEmpty()) {
                    parser.expect(TokenKind.COMMA, "',' or ')'");
                }
                Identifier name = parser.identifier("a property name");
                parser.expect(TokenKind.ASSIGN, "'='");
                properties.put(name.name(), propertyValue(parser));
            }
            span = span.to(parser.advance().span());
        }
        return new RenderOperator(chart, properties, span);
    }

    /** A property value: tokens up to the next {@code , name =} or the closing parenthesis; lists stay comma-separated. */
    private static String propertyValue(KqlParser parser) {
        StringBuilder value = new StringBuilder();
        while (true) {
            Token token = parser.current();
            if (token.is(TokenKind.CLOSE_PAREN) || token.is(TokenKind.END_OF_TEXT)) {
                return value.toString();
            }
            if (token.is(TokenKind.COMMA) && KqlParser.isNameToken(parser.peek(1)) && parser.peek(2).is(TokenKind.ASSIGN)) {
                return value.toString();
            }
            parser.advance();
            value.append(token.is(TokenKind.STRING_LITERAL) || token.is(TokenKind.BRACKETED_NAME) ? token.value() : token.text());
        }
    }

    static EvaluateOperator evaluate(KqlParser parser, Token keyword) {
        parser.options(List.of());
        Token name = parser.current();
        Expression call = parser.identifierExpression();
        if (!(call instanceof FunctionCall plugin)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a plugin call such as bag_unpack(Column)", name.text()), name.span());
        }
        Span span = keyword.span().to(call.span());
        Optional<List<ColumnDeclaration>> schema = Optional.empty();
        if (parser.current().is(TokenKind.COLON)) {
            parser.advance();
            schema = Optional.of(parser.columnDeclarations(true));
            span = span.to(parser.previous().span());
        }
        return new EvaluateOperator(plugin, schema, span);
    }
}
