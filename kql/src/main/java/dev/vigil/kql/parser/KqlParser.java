package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.diagnostics.DiagnosticsException;
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
 * Recursive-descent parser for queries, with Pratt parsing for expressions. This class holds the tokens and the
 * position, and what every part shares (names, options, nesting, errors); the grammar is split by level:
 * {@link StatementParser}, {@link TabularParser} (with one class per larger operator) and {@link ExpressionParser}.
 * A whole query is parsed past its syntax errors: each is recorded with its position, the statement or operator
 * holding it is skipped, and {@link #parse} throws {@link DiagnosticsException} with all of them at the end.
 */
public final class KqlParser {
    /** Deeper expressions are refused with a diagnostic rather than risking the stack (here or in DuckDB). */
    public static final int MAX_EXPRESSION_DEPTH = 256;
    /** After this many syntax errors the rest of the query is not read: later ones mostly follow from earlier ones. */
    static final int MAX_ERRORS = 25;

    private final List<Token> tokens;
    private final boolean recovering;
    private final List<DiagnosticException> errors = new ArrayList<>();
    private final StatementParser statements = new StatementParser(this);
    private final TabularParser tabular = new TabularParser(this);
    private final ExpressionParser expressions = new ExpressionParser(this);
    private int index;
    private int depth;

    private KqlParser(List<Token> tokens, boolean recovering) {
        this.tokens = tokens;
        this.recovering = recovering;
    }

    /** Parses a whole query; throws {@link DiagnosticsException} with every syntax error found (a lexical error ends it). */
    public static Query parse(String text) {
        KqlParser parser = new KqlParser(Lexer.tokenize(text), true);
        Query query;
        try {
            query = parser.statements.query();
        } catch (DiagnosticException e) {
            parser.errors.add(e);
            throw parser.errors();
        }
        if (!parser.errors.isEmpty()) {
            throw new DiagnosticsException(parser.errors);
        }
        return query;
    }

    /**
     * Parses a function stored in the workspace from its parameter list (such as
     * {@code (T:(*), limit:long = 10)}, or empty for none) and its body (statements, the last one
     * the result, without braces). Throws {@link DiagnosticException} at the first syntax error.
     */
    public static FunctionDefinition parseFunction(String parameters, String body) {
        String text = functionParameterText(parameters) + "{" + body + "\n}";
        KqlParser parser = new KqlParser(Lexer.tokenize(text), false);
        FunctionDefinition definition = FunctionDefinitionParser.definition(parser);
        parser.expect(TokenKind.END_OF_TEXT, "end of the function");
        return definition;
    }

    /** The parameter list as {@link #parseFunction} reads it, before the body; spans count from its start. */
    public static String functionParameterText(String parameters) {
        return parameters.isBlank() ? "()" : parameters.strip();
    }

    /** Parses a single scalar expression; throws {@link DiagnosticException} at the first syntax error. */
    public static Expression parseExpression(String text) {
        KqlParser parser = new KqlParser(Lexer.tokenize(text), false);
        Expression expression = parser.expression();
        parser.expect(TokenKind.END_OF_TEXT, "end of expression");
        return expression;
    }

    // --- the grammar's entry points, for the parts and the operator parsers

    Statement bodyStatement() {
        return statements.bodyStatement();
    }

    LetValue bodyResult() {
        return statements.bodyResult();
    }

    TabularExpression tabularExpression() {
        return tabular.tabularExpression();
    }

    PipeExpression pipeFrom(TabularExpression source) {
        return tabular.pipeFrom(source);
    }

    TabularExpression toTabular(Expression expression) {
        return TabularParser.toTabular(expression);
    }

    boolean startsTabularKeyword() {
        return tabular.startsTabularKeyword();
    }

    TableReference tableName() {
        return tabular.tableName();
    }

    /** The tables of {@code in (T1, T2*)} when it comes next (as in find and search), or none when it does not. */
    List<TableReference> inTables() {
        List<TableReference> tables = new ArrayList<>();
        if (current().isWord("in") && peek(1).is(TokenKind.OPEN_PAREN)) {
            advance();
            advance();
            do {
                if (!tables.isEmpty()) {
                    advance();
                }
                tables.add(tableName());
            } while (current().is(TokenKind.COMMA));
            expect(TokenKind.CLOSE_PAREN, "')'");
        }
        return tables;
    }

    TabularExpression subqueryOverRows() {
        return tabular.subqueryOverRows();
    }

    /** One tabular operator, without the pipe before it. */
    QueryOperator queryOperator() {
        return tabular.queryOperator();
    }

    SortKey sortKey() {
        return tabular.sortKey();
    }

    List<ColumnAssignment> assignments() {
        return tabular.assignments();
    }

    ColumnAssignment assignment() {
        return tabular.assignment();
    }

    Expression expression() {
        return expressions.expression();
    }

    Expression expressionOrSubquery() {
        return tabular.expressionOrSubquery();
    }

    Expression identifierExpression() {
        return expressions.identifierExpression();
    }

    Expression searchPredicate() {
        return expressions.searchPredicate();
    }

    // --- recovery from syntax errors

    /** Where parsing stands, to go back to when a guess about what follows proves wrong. */
    record Mark(int index, int depth, int errors) {
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The syntax errors recorded so far, to end the parse with. */
    DiagnosticsException errors() {
        return new DiagnosticsException(errors);
    }

    Mark mark() {
        return new Mark(index, depth, errors.size());
    }

    void rewind(Mark mark) {
        index = mark.index();
        depth = mark.depth();
        while (errors.size() > mark.errors()) {
            errors.remove(errors.size() - 1);
        }
    }

    /**
     * Records {@code error} and skips what is left of the construct that began at {@code start}: up to the next
     * {@code |} (when {@code atPipe}) or {@code ;} outside the brackets opened since, or up to a closing bracket that
     * belongs to an enclosing construct. Rethrows when this parse does not recover (a stored function, an expression)
     * or when there have been too many errors.
     */
    void recover(DiagnosticException error, Mark start, boolean atPipe) {
        if (!recovering) {
            throw error;
        }
        boolean repeated = !errors.isEmpty() && errors.get(errors.size() - 1).span().start() == error.span().start();
        if (!repeated) {
            errors.add(error);
        }
        if (errors.size() >= MAX_ERRORS) {
            throw new DiagnosticsException(errors);
        }
        index = start.index();
        depth = start.depth();
        int nesting = 0;
        while (!current().is(TokenKind.END_OF_TEXT)) {
            Token token = current();
            boolean closing = token.is(TokenKind.CLOSE_PAREN) || token.is(TokenKind.CLOSE_BRACKET) || token.is(TokenKind.CLOSE_BRACE);
            if (nesting == 0 && (token.is(TokenKind.SEMICOLON) || (atPipe && token.is(TokenKind.PIPE)) || (atPipe && closing))) {
                break;
            }
            if (token.is(TokenKind.OPEN_PAREN) || token.is(TokenKind.OPEN_BRACKET) || token.is(TokenKind.OPEN_BRACE)) {
                nesting++;
            } else if (closing && nesting > 0) {
                nesting--;
            }
            advance();
        }
    }

    // --- names and options, shared with the operator parsers

    static boolean isNameToken(Token token) {
        return token.is(TokenKind.IDENTIFIER) || token.is(TokenKind.BRACKETED_NAME);
    }

    Identifier identifier(String what) {
        Token token = current();
        if (!isNameToken(token)) {
            throw new DiagnosticException(DiagnosticFacts.expected(what, describe(token)), token.span());
        }
        advance();
        return new Identifier(token.value(), token.span());
    }

    /** A type name such as {@code long} or {@code string}; checked by the binder. */
    Token typeName() {
        Token token = current();
        if (!token.is(TokenKind.IDENTIFIER)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a type name", describe(token)), token.span());
        }
        return advance();
    }

    /** {@code (Name:type, ...)}; with {@code allowStar}, {@code (*)} gives an empty list. */
    List<ColumnDeclaration> columnDeclarations(boolean allowStar) {
        expect(TokenKind.OPEN_PAREN, "'('");
        List<ColumnDeclaration> columns = new ArrayList<>();
        if (allowStar && current().is(TokenKind.STAR) && peek(1).is(TokenKind.CLOSE_PAREN)) {
            advance();
            expect(TokenKind.CLOSE_PAREN, "')'");
            return columns;
        }
        if (!current().is(TokenKind.CLOSE_PAREN)) {
            do {
                if (current().is(TokenKind.COMMA)) {
                    advance();
                }
                if (allowStar && current().is(TokenKind.STAR)) {
                    advance();
                    continue;
                }
                Identifier name = identifier("a column name");
                expect(TokenKind.COLON, "':'");
                Token type = typeName();
                columns.add(new ColumnDeclaration(name, type.text(), type.span()));
            } while (current().is(TokenKind.COMMA));
        }
        expect(TokenKind.CLOSE_PAREN, "')'");
        return columns;
    }

    /**
     * Operator options such as {@code kind=inner}, {@code withsource=Source} or
     * {@code hint.strategy=shuffle}: each name (dotted names joined) with the value token.
     */
    Map<String, Token> options(List<String> known) {
        Map<String, Token> options = new LinkedHashMap<>();
        while (current().is(TokenKind.IDENTIFIER)) {
            int lookahead = 1;
            StringBuilder name = new StringBuilder(current().text());
            while (peek(lookahead).is(TokenKind.DOT) && peek(lookahead + 1).is(TokenKind.IDENTIFIER)) {
                name.append('.').append(peek(lookahead + 1).text());
                lookahead += 2;
            }
            if (!peek(lookahead).is(TokenKind.ASSIGN)) {
                break;
            }
            String option = name.toString();
            if (!known.contains(option) && !option.startsWith("hint.")) {
                break;
            }
            for (int i = 0; i <= lookahead; i++) {
                advance();
            }
            Token value = current();
            if (value.is(TokenKind.MINUS)) {
                advance();
            }
            options.put(option, advance());
        }
        return options;
    }

    // --- token access, shared with DynamicLiteralWriter and the operator parsers

    Token current() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token advance() {
        Token token = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }

    Token previous() {
        return tokens.get(Math.max(0, index - 1));
    }

    Token expect(TokenKind kind, String what) {
        if (!current().is(kind)) {
            throw new DiagnosticException(DiagnosticFacts.expected(what, describe(current())), current().span());
        }
        return advance();
    }

    void expectWord(String word) {
        if (!current().isWord(word)) {
            throw new DiagnosticException(DiagnosticFacts.expected("'" + word + "'", describe(current())), current().span());
        }
        advance();
    }

    int depth() {
        return depth;
    }

    void enterNesting() {
        if (++depth > MAX_EXPRESSION_DEPTH) {
            throw new DiagnosticException(DiagnosticFacts.tooDeeplyNested(MAX_EXPRESSION_DEPTH), current().span());
        }
    }

    void leaveNesting() {
        depth--;
    }

    DiagnosticException unexpected() {
        return new DiagnosticException(DiagnosticFacts.unexpectedToken(describe(current())), current().span());
    }

    static String describe(Token token) {
        return token.is(TokenKind.END_OF_TEXT) ? "end of query" : token.text();
    }

    static boolean isAdjacent(Token first, Token second) {
        return first.span().end() == second.span().start();
    }

    static <T> T last(List<T> items) {
        return items.get(items.size() - 1);
    }
}

