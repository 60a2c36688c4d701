package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.FunctionDefinition;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.LetValue;
import dev.vigil.kql.syntax.Parameter;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Statement;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code (parameters) { body }}: user functions in {@code let} statements and stored in the workspace. */
final class FunctionDefinitionParser {
    private FunctionDefinitionParser() {
    }

    static FunctionDefinition definition(KqlParser parser) {
        Token open = parser.expect(TokenKind.OPEN_PAREN, "'('");
        List<Parameter> parameters = new ArrayList<>();
        boolean defaults = false;
        while (!parser.current().is(TokenKind.CLOSE_PAREN)) {
            if (!parameters.isEmpty()) {
                parser.expect(TokenKind.COMMA, "',' or ')'");
            }
            Parameter parameter = parameter(parser);
            if (parameter.defaultValue().isPresent()) {
                defaults = true;
            } else if (defaults) {
                throw new DiagnosticException(DiagnosticFacts.defaultsMustBeLast(parameter.name().name()), parameter.span());
            }
            parameters.add(parameter);
        }
        parser.advance();
        parser.expect(TokenKind.OPEN_BRACE, "'{'");
        List<LetStatement> lets = new ArrayList<>();
        LetValue result = null;
        while (result == null) {
            while (parser.current().is(TokenKind.SEMICOLON)) {
                parser.advance();
            }
            if (parser.current().isWord("let") && KqlParser.isNameToken(parser.peek(1))) {
                Statement let = parser.bodyStatement();
                lets.add((LetStatement) let);
                parser.expect(TokenKind.SEMICOLON, "';'");
            } else {
                result = parser.bodyResult();
            }
        }
        while (parser.current().is(TokenKind.SEMICOLON)) {
            parser.advance();
        }
        Token close = parser.expect(TokenKind.CLOSE_BRACE, "'}'");
        return new FunctionDefinition(parameters, lets, result, open.span().to(close.span()));
    }

    private static Parameter parameter(KqlParser parser) {
        Identifier name = parser.identifier("a parameter name");
        parser.expect(TokenKind.COLON, "':'");
        if (parser.current().is(TokenKind.OPEN_PAREN)) {
            List<ColumnDeclaration> columns = parser.columnDeclarations(true);
            return new Parameter(name, Optional.empty(), columns, Optional.empty(), name.span().to(parser.previous().span()));
        }
        Token type = parser.typeName();
        Optional<Expression> defaultValue = Optional.empty();
        Span span = name.span().to(type.span());
        if (parser.current().is(TokenKind.ASSIGN)) {
            parser.advance();
            Expression value = parser.expression();
            defaultValue = Optional.of(value);
            span = span.to(value.span());
        }
        return new Parameter(name, Optional.of(type.text()), List.of(), defaultValue, span);
    }
}
