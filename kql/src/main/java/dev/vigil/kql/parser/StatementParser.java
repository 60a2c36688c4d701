package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.AllColumns;
import dev.vigil.kql.syntax.BetweenExpression;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.ColumnDeclaration;
import dev.vigil.kql.syntax.GetSchemaOperator;
import dev.vigil.kql.syntax.LetExpression;
import dev.vigil.kql.syntax.LetStatement;
import dev.vigil.kql.syntax.LetTabular;
import dev.vigil.kql.syntax.LetValue;
import dev.vigil.kql.syntax.SearchExpression;
import dev.vigil.kql.syntax.SetStatement;
import dev.vigil.kql.syntax.TopHittersOperator;
import dev.vigil.kql.syntax.SubqueryExpression;
import dev.vigil.kql.syntax.TabularExpression;
import dev.vigil.kql.syntax.TabularFunctionCall;
import dev.vigil.kql.syntax.UnionExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.CountOperator;
import dev.vigil.kql.syntax.ElementAccess;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.NamedArgument;
import dev.vigil.kql.syntax.FunctionDefinition;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.InExpression;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.ListOperator;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.MemberAccess;
import dev.vigil.kql.syntax.MvApplyOperator;
import dev.vigil.kql.syntax.NameReference;
import dev.vigil.kql.syntax.NullLiteral;
import dev.vigil.kql.syntax.NullsPlacement;
import dev.vigil.kql.syntax.PipeExpression;
import dev.vigil.kql.syntax.ProjectOperator;
import dev.vigil.kql.syntax.Query;
import dev.vigil.kql.syntax.QueryOperator;
import dev.vigil.kql.syntax.QueryStatement;
import dev.vigil.kql.syntax.SortDirection;
import dev.vigil.kql.syntax.SortKey;
import dev.vigil.kql.syntax.SortOperator;
import dev.vigil.kql.syntax.Span;
import dev.vigil.kql.syntax.Statement;
import dev.vigil.kql.syntax.SummarizeOperator;
import dev.vigil.kql.syntax.TableReference;
import dev.vigil.kql.syntax.TakeOperator;
import dev.vigil.kql.syntax.Token;
import dev.vigil.kql.syntax.TokenKind;
import dev.vigil.kql.syntax.TopOperator;
import dev.vigil.kql.syntax.UnaryExpression;
import dev.vigil.kql.syntax.WhereOperator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of a query: {@code let}, {@code set} and the tabular statement, separated by {@code ;}. A statement
 * with a syntax error is reported and skipped up to the next {@code ;}, so that the following ones are checked too.
 */
final class StatementParser {
    private final KqlParser parser;

    StatementParser(KqlParser parser) {
        this.parser = parser;
    }

    Query query() {
        if (parser.current().is(TokenKind.END_OF_TEXT)) {
            throw new DiagnosticException(DiagnosticFacts.emptyQuery(), parser.current().span());
        }
        List<Statement> statements = new ArrayList<>();
        Span start = parser.current().span();
        while (!parser.current().is(TokenKind.END_OF_TEXT)) {
            if (parser.current().is(TokenKind.SEMICOLON)) {
                parser.advance();
                continue;
            }
            recoveringStatement().ifPresent(statements::add);
            if (parser.current().is(TokenKind.SEMICOLON)) {
                parser.advance();
            }
        }
        if (statements.isEmpty() && parser.hasErrors()) {
            throw parser.errors();
        }
        if (statements.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.emptyQuery(), start);
        }
        return new Query(statements, start.to(parser.previous().span()));
    }

    /** A statement, or none when it has a syntax error (recorded, and the statement skipped). */
    private Optional<Statement> recoveringStatement() {
        KqlParser.Mark start = parser.mark();
        try {
            Statement statement = statement();
            if (!parser.current().is(TokenKind.SEMICOLON) && !parser.current().is(TokenKind.END_OF_TEXT)) {
                throw parser.unexpected();
            }
            return Optional.of(statement);
        } catch (DiagnosticException e) {
            parser.recover(e, start, false);
            return Optional.empty();
        }
    }

    private Statement statement() {
        if (parser.current().isWord("let") && KqlParser.isNameToken(parser.peek(1))) {
            return letStatement();
        }
        if (parser.current().isWord("set") && parser.peek(1).is(TokenKind.IDENTIFIER)) {
            return setStatement();
        }
        PipeExpression pipe = TabularParser.asPipe(parser.tabularExpression());
        return new QueryStatement(pipe, pipe.span());
    }

    /** A {@code let} statement inside a function body. */
    Statement bodyStatement() {
        return letStatement();
    }

    /** The value of a function body: an expression or a tabular expression. */
    LetValue bodyResult() {
        return letValue();
    }

    private LetStatement letStatement() {
        Token let = parser.advance();
        Identifier name = parser.identifier("a name");
        parser.expect(TokenKind.ASSIGN, "'='");
        LetValue value = letValue();
        return new LetStatement(name, value, let.span().to(value.span()));
    }

    private SetStatement setStatement() {
        Token set = parser.advance();
        Identifier option = parser.identifier("an option name");
        Span span = set.span().to(option.span());
        Optional<Expression> value = Optional.empty();
        if (parser.current().is(TokenKind.ASSIGN)) {
            value = optionValue();
        }
        while (!parser.current().is(TokenKind.SEMICOLON) && !parser.current().is(TokenKind.END_OF_TEXT)) {
            span = span.to(parser.advance().span());
        }
        return new SetStatement(option, value, span);
    }

    /**
     * The value after {@code set option =} when it is an expression up to the end of the statement; options whose
     * values are not expressions ({@code set querytrace = ...}) keep no value, and their text is skipped.
     */
    private Optional<Expression> optionValue() {
        KqlParser.Mark start = parser.mark();
        parser.advance();
        try {
            Expression value = parser.expression();
            if (parser.current().is(TokenKind.SEMICOLON) || parser.current().is(TokenKind.END_OF_TEXT)) {
                return Optional.of(value);
            }
        } catch (DiagnosticException e) {
            // not an expression: the option is one Vigil ignores
        }
        parser.rewind(start);
        return Optional.empty();
    }

    private LetValue letValue() {
        if (startsFunctionDefinition()) {
            return FunctionDefinitionParser.definition(parser);
        }
        if (parser.startsTabularKeyword()) {
            return new LetTabular(parser.tabularExpression());
        }
        Expression expression = parser.expression();
        if (parser.current().is(TokenKind.PIPE)) {
            return new LetTabular(parser.pipeFrom(parser.toTabular(expression)));
        }
        return new LetExpression(expression);
    }

    /** {@code (} followed by {@code )} or by {@code name:}: a parameter list rather than a parenthesized expression. */
    private boolean startsFunctionDefinition() {
        if (!parser.current().is(TokenKind.OPEN_PAREN)) {
            return false;
        }
        return parser.peek(1).is(TokenKind.CLOSE_PAREN) || (KqlParser.isNameToken(parser.peek(1)) && parser.peek(2).is(TokenKind.COLON));
    }
}
