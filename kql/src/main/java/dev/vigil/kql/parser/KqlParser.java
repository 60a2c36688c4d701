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
 * Recursive-descent parser for queries, with Pratt parsing for expressions. It stops at the first
 * syntax error and reports it with the exact position by throwing {@link DiagnosticException}.
 */
public final class KqlParser {
    /** Deeper expressions are refused with a diagnostic rather than risking the stack (here or in DuckDB). */
    public static final int MAX_EXPRESSION_DEPTH = 256;

    private static final int OR_POWER = 1;
    private static final int AND_POWER = 2;
    private static final int COMPARISON_POWER = 3;
    private static final int ADDITIVE_POWER = 4;
    private static final int MULTIPLICATIVE_POWER = 5;

    private final List<Token> tokens;
    private int index;
    private int depth;
    /** Inside a {@code search} predicate, {@code Column:"term"} means the column has the term. */
    private boolean searchTerms;

    private KqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole query; throws {@link DiagnosticException} at the first syntax error. */
    public static Query parse(String text) {
        KqlParser parser = new KqlParser(Lexer.tokenize(text));
        return parser.query();
    }

    /**
     * Parses a function stored in the workspace from its parameter list (such as
     * {@code (T:(*), limit:long = 10)}, or empty for none) and its body (statements, the last one
     * the result, without braces).
     */
    public static FunctionDefinition parseFunction(String parameters, String body) {
        String text = functionParameterText(parameters) + "{" + body + "\n}";
        KqlParser parser = new KqlParser(Lexer.tokenize(text));
        FunctionDefinition definition = FunctionDefinitionParser.definition(parser);
        parser.expect(TokenKind.END_OF_TEXT, "end of the function");
        return definition;
    }

    /** The parameter list as {@link #parseFunction} reads it, before the body; spans count from its start. */
    public static String functionParameterText(String parameters) {
        return parameters.isBlank() ? "()" : parameters.strip();
    }

    /** Parses a single scalar expression (used by tests and, later, by {@code let} and function bodies). */
    public static Expression parseExpression(String text) {
        KqlParser parser = new KqlParser(Lexer.tokenize(text));
        Expression expression = parser.expression();
        parser.expect(TokenKind.END_OF_TEXT, "end of expression");
        return expression;
    }

    // --- statements

    private Query query() {
        if (current().is(TokenKind.END_OF_TEXT)) {
            throw new DiagnosticException(DiagnosticFacts.emptyQuery(), current().span());
        }
        List<Statement> statements = new ArrayList<>();
        Span start = current().span();
        while (!current().is(TokenKind.END_OF_TEXT)) {
            if (current().is(TokenKind.SEMICOLON)) {
                advance();
                continue;
            }
            statements.add(statement());
            if (current().is(TokenKind.SEMICOLON)) {
                advance();
            } else if (!current().is(TokenKind.END_OF_TEXT)) {
                throw unexpected();
            }
        }
        if (statements.isEmpty()) {
            throw new DiagnosticException(DiagnosticFacts.emptyQuery(), start);
        }
        return new Query(statements, start.to(previous().span()));
    }

    private Statement statement() {
        if (current().isWord("let") && isNameToken(peek(1))) {
            return letStatement();
        }
        if (current().isWord("set") && peek(1).is(TokenKind.IDENTIFIER)) {
            return setStatement();
        }
        PipeExpression pipe = asPipe(tabularExpression());
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
        Token let = advance();
        Identifier name = identifier("a name");
        expect(TokenKind.ASSIGN, "'='");
        LetValue value = letValue();
        return new LetStatement(name, value, let.span().to(value.span()));
    }

    private SetStatement setStatement() {
        Token set = advance();
        Identifier option = identifier("an option name");
        Span span = set.span().to(option.span());
        Optional<Expression> value = Optional.empty();
        if (current().is(TokenKind.ASSIGN)) {
            value = optionValue();
        }
        while (!current().is(TokenKind.SEMICOLON) && !current().is(TokenKind.END_OF_TEXT)) {
            span = span.to(advance().span());
        }
        return new SetStatement(option, value, span);
    }

    /**
     * The value after {@code set option =} when it is an expression up to the end of the statement; options whose
     * values are not expressions ({@code set querytrace = ...}) keep no value, and their text is skipped.
     */
    private Optional<Expression> optionValue() {
        int start = index;
        int startDepth = depth;
        advance();
        try {
            Expression value = expression();
            if (current().is(TokenKind.SEMICOLON) || current().is(TokenKind.END_OF_TEXT)) {
                return Optional.of(value);
            }
        } catch (DiagnosticException e) {
            // not an expression: the option is one Vigil ignores
        }
        index = start;
        depth = startDepth;
        return Optional.empty();
    }

    private LetValue letValue() {
        if (startsFunctionDefinition()) {
            return FunctionDefinitionParser.definition(this);
        }
        if (startsTabularKeyword()) {
            return new LetTabular(tabularExpression());
        }
        Expression expression = expression();
        if (current().is(TokenKind.PIPE)) {
            return new LetTabular(pipeFrom(toTabular(expression)));
        }
        return new LetExpression(expression);
    }

    /** {@code (} followed by {@code )} or by {@code name:}: a parameter list rather than a parenthesized expression. */
    private boolean startsFunctionDefinition() {
        if (!current().is(TokenKind.OPEN_PAREN)) {
            return false;
        }
        return peek(1).is(TokenKind.CLOSE_PAREN) || (isNameToken(peek(1)) && peek(2).is(TokenKind.COLON));
    }

    // --- tabular expressions

    /** A tabular expression: a source, then any number of {@code | operator}. */
    TabularExpression tabularExpression() {
        enterNesting();
        TabularExpression source = tabularSource();
        TabularExpression result = current().is(TokenKind.PIPE) ? pipeFrom(source) : source;
        leaveNesting();
        return result;
    }

    private PipeExpression pipeFrom(TabularExpression source) {
        List<QueryOperator> operators = new ArrayList<>();
        while (current().is(TokenKind.PIPE)) {
            advance();
            operators.add(queryOperator());
        }
        Span span = operators.isEmpty() ? source.span() : source.span().to(last(operators).span());
        return new PipeExpression(source, operators, span);
    }

    private static PipeExpression asPipe(TabularExpression tabular) {
        return tabular instanceof PipeExpression pipe ? pipe : new PipeExpression(tabular, List.of(), tabular.span());
    }

    private TabularExpression tabularSource() {
        Token token = current();
        if (token.is(TokenKind.OPEN_PAREN)) {
            advance();
            TabularExpression inner = tabularExpression();
            expect(TokenKind.CLOSE_PAREN, "')'");
            return inner;
        }
        if (token.isWord("datatable") && peek(1).is(TokenKind.OPEN_PAREN)) {
            return SourceParsers.datatable(this);
        }
        if (token.isWord("print")) {
            return SourceParsers.print(this);
        }
        if (token.isWord("range") && isNameToken(peek(1)) && peek(2).isWord("from")) {
            return SourceParsers.range(this);
        }
        if (token.isWord("union")) {
            return new UnionExpression(UnionParser.union(this, advance(), false));
        }
        if (token.isWord("search")) {
            return new SearchExpression(SearchParser.search(this, advance(), true));
        }
        if (token.is(TokenKind.IDENTIFIER) && peek(1).is(TokenKind.OPEN_PAREN)) {
            Expression call = identifierExpression();
            if (call instanceof FunctionCall function) {
                return new TabularFunctionCall(function);
            }
            // a literal such as dynamic(...) or long(1) cannot start a tabular expression
            throw new DiagnosticException(DiagnosticFacts.expected("a table name", describe(token)), call.span());
        }
        if (isNameToken(token)) {
            return tableName();
        }
        throw new DiagnosticException(DiagnosticFacts.expected("a table name", describe(token)), token.span());
    }

    /** A table name, with {@code *} wildcards allowed where {@code union} and {@code search} take them. */
    TableReference tableName() {
        Token first = current();
        if (!isNameToken(first) && !first.is(TokenKind.STAR)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a table name", describe(first)), first.span());
        }
        StringBuilder name = new StringBuilder();
        Span span = first.span();
        Token previousToken = advance();
        name.append(previousToken.is(TokenKind.STAR) ? "*" : previousToken.value());
        while ((current().is(TokenKind.STAR) || current().is(TokenKind.IDENTIFIER) || current().is(TokenKind.LONG_LITERAL))
                && isAdjacent(previousToken, current()) && (previousToken.is(TokenKind.STAR) || current().is(TokenKind.STAR))) {
            previousToken = advance();
            name.append(previousToken.text());
            span = span.to(previousToken.span());
        }
        return new TableReference(name.toString(), span);
    }

    /** An expression written where a table is needed: a name or a call. */
    private static TabularExpression toTabular(Expression expression) {
        if (expression instanceof NameReference reference) {
            return new TableReference(reference.name(), reference.span());
        }
        if (expression instanceof FunctionCall call) {
            return new TabularFunctionCall(call);
        }
        if (expression instanceof SubqueryExpression subquery) {
            return subquery.tabular();
        }
        throw new DiagnosticException(DiagnosticFacts.tabularExpected(), expression.span());
    }

    private boolean startsTabularKeyword() {
        Token token = current();
        return (token.isWord("datatable") && peek(1).is(TokenKind.OPEN_PAREN))
                || token.isWord("print") && !peek(1).is(TokenKind.OPEN_PAREN)
                || (token.isWord("range") && isNameToken(peek(1)) && peek(2).isWord("from"))
                || (token.isWord("union") && !peek(1).is(TokenKind.OPEN_PAREN))
                || (token.isWord("search") && !peek(1).is(TokenKind.OPEN_PAREN));
    }

    /**
     * An expression, or a tabular expression where one may stand: inside parentheses, as an
     * argument of a call and in the list of {@code in}.
     */
    private Expression expressionOrSubquery() {
        Token start = current();
        if (startsTabularKeyword()) {
            TabularExpression tabular = tabularExpression();
            return new SubqueryExpression(tabular, tabular.span());
        }
        Expression expression = expression();
        if (current().is(TokenKind.PIPE)) {
            PipeExpression pipe = pipeFrom(toTabular(expression));
            return new SubqueryExpression(pipe, start.span().to(pipe.span()));
        }
        return expression;
    }

    /** The subquery of {@code mv-apply}: operators applied to the rows expanded from one input row. */
    TabularExpression subqueryOverRows() {
        Token start = current();
        TableReference rows = new TableReference(MvApplyOperator.ROWS, new Span(start.span().start(), 0));
        List<QueryOperator> operators = new ArrayList<>();
        operators.add(queryOperator());
        while (current().is(TokenKind.PIPE)) {
            advance();
            operators.add(queryOperator());
        }
        return new PipeExpression(rows, operators, start.span().to(last(operators).span()));
    }

    /** The predicate of {@code search}, where {@code Column:"term"} is a term match. */
    Expression searchPredicate() {
        searchTerms = true;
        try {
            return expression();
        } finally {
            searchTerms = false;
        }
    }

    // --- tabular operators

    private QueryOperator queryOperator() {
        Token keyword = current();
        if (!keyword.is(TokenKind.IDENTIFIER)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a query operator", describe(keyword)), keyword.span());
        }
        String name = operatorName();
        switch (name) {
            case "where":
            case "filter": {
                Expression predicate = expression();
                return new WhereOperator(predicate, keyword.span().to(predicate.span()));
            }
            case "project": {
                List<ColumnAssignment> columns = assignments();
                return new ProjectOperator(columns, keyword.span().to(last(columns).span()));
            }
            case "extend": {
                List<ColumnAssignment> columns = new ArrayList<>();
                do {
                    if (!columns.isEmpty()) {
                        advance();
                    }
                    columns.add(startsTupleAssignment() ? tupleAssignment() : assignment());
                } while (current().is(TokenKind.COMMA));
                return new ExtendOperator(columns, keyword.span().to(last(columns).span()));
            }
            case "take":
            case "limit": {
                Expression count = expression();
                return new TakeOperator(count, keyword.span().to(count.span()));
            }
            case "count":
                return new CountOperator(keyword.span());
            case "summarize":
                return summarize(keyword);
            case "sort":
            case "order":
                return sort(keyword);
            case "top":
                return top(keyword);
            case "project-away":
            case "project-keep":
            case "project-rename":
            case "project-reorder":
                return ProjectVariantsParser.parse(this, name, keyword);
            case "distinct":
                return SimpleOperatorParsers.distinct(this, keyword);
            case "join":
                return JoinParser.join(this, keyword);
            case "lookup":
                return JoinParser.lookup(this, keyword);
            case "union":
                return UnionParser.union(this, keyword, true);
            case "mv-expand":
            case "mvexpand":
                return MvExpandParser.mvExpand(this, keyword, name.equals("mvexpand"));
            case "mv-apply":
                return MvExpandParser.mvApply(this, keyword);
            case "parse":
            case "parse-where":
                return ParseOperatorParser.parse(this, keyword, name.equals("parse-where"));
            case "serialize":
                return SimpleOperatorParsers.serialize(this, keyword);
            case "getschema":
                return new GetSchemaOperator(keyword.span());
            case "as":
                return SimpleOperatorParsers.as(this, keyword);
            case "invoke":
                return SimpleOperatorParsers.invoke(this, keyword);
            case "sample":
                return SimpleOperatorParsers.sample(this, keyword);
            case "sample-distinct":
                return SimpleOperatorParsers.sampleDistinct(this, keyword);
            case "render":
                return SimpleOperatorParsers.render(this, keyword);
            case "evaluate":
                return SimpleOperatorParsers.evaluate(this, keyword);
            case "search":
                return SearchParser.search(this, keyword, false);
            case "make-series":
                return MakeSeriesParser.makeSeries(this, keyword);
            case "top-nested":
                return TopNestedParser.topNested(this, keyword);
            case "parse-kv":
                return ParseKvParser.parseKv(this, keyword);
            case "top-hitters": {
                Expression count = expression();
                expectWord("of");
                Expression of = expression();
                Optional<Expression> by = Optional.empty();
                if (current().isWord("by")) {
                    advance();
                    by = Optional.of(expression());
                }
                return new TopHittersOperator(count, of, by, keyword.span().to(previous().span()));
            }
            default:
                throw new DiagnosticException(DiagnosticFacts.unknownQueryOperator(name), keyword.span());
        }
    }

    /** Reads an operator name, joining hyphenated names such as {@code mv-expand} written without spaces. */
    private String operatorName() {
        Token first = advance();
        StringBuilder name = new StringBuilder(first.text());
        Token last = first;
        while (current().is(TokenKind.MINUS) && isAdjacent(last, current()) && peek(1).is(TokenKind.IDENTIFIER)
                && isAdjacent(current(), peek(1))) {
            advance();
            last = advance();
            name.append('-').append(last.text());
        }
        return name.toString();
    }

    private SummarizeOperator summarize(Token keyword) {
        List<ColumnAssignment> aggregates = current().isWord("by") ? List.of() : assignments();
        List<ColumnAssignment> groups = List.of();
        Span span = aggregates.isEmpty() ? keyword.span() : keyword.span().to(last(aggregates).span());
        if (current().isWord("by")) {
            advance();
            groups = assignments();
            span = span.to(last(groups).span());
        }
        return new SummarizeOperator(aggregates, groups, span);
    }

    private SortOperator sort(Token keyword) {
        expectWord("by");
        List<SortKey> keys = new ArrayList<>();
        keys.add(sortKey());
        while (current().is(TokenKind.COMMA)) {
            advance();
            keys.add(sortKey());
        }
        return new SortOperator(keys, keyword.span().to(last(keys).span()));
    }

    private TopOperator top(Token keyword) {
        Expression count = expression();
        expectWord("by");
        SortKey key = sortKey();
        return new TopOperator(count, key, keyword.span().to(key.span()));
    }

    SortKey sortKey() {
        Expression expression = expression();
        Span span = expression.span();
        Optional<SortDirection> direction = Optional.empty();
        if (current().isWord("asc") || current().isWord("desc")) {
            direction = Optional.of(current().text().equals("asc") ? SortDirection.ASCENDING : SortDirection.DESCENDING);
            span = span.to(advance().span());
        }
        Optional<NullsPlacement> nulls = Optional.empty();
        if (current().isWord("nulls")) {
            advance();
            if (current().isWord("first") || current().isWord("last")) {
                nulls = Optional.of(current().text().equals("first") ? NullsPlacement.FIRST : NullsPlacement.LAST);
                span = span.to(advance().span());
            } else {
                throw new DiagnosticException(DiagnosticFacts.expected("'first' or 'last'", describe(current())), current().span());
            }
        }
        return new SortKey(expression, direction, nulls, span);
    }

    List<ColumnAssignment> assignments() {
        List<ColumnAssignment> columns = new ArrayList<>();
        columns.add(assignment());
        while (current().is(TokenKind.COMMA)) {
            advance();
            columns.add(assignment());
        }
        return columns;
    }

    /** {@code (Name, Name, ...) =}: names in parentheses followed by an assignment. */
    private boolean startsTupleAssignment() {
        if (!current().is(TokenKind.OPEN_PAREN)) {
            return false;
        }
        int at = 1;
        while (isNameToken(peek(at)) && peek(at + 1).is(TokenKind.COMMA)) {
            at += 2;
        }
        return isNameToken(peek(at)) && peek(at + 1).is(TokenKind.CLOSE_PAREN) && peek(at + 2).is(TokenKind.ASSIGN);
    }

    private ColumnAssignment tupleAssignment() {
        Token open = advance();
        List<Identifier> names = new ArrayList<>();
        do {
            if (!names.isEmpty()) {
                advance();
            }
            Token name = advance();
            names.add(new Identifier(name.value(), name.span()));
        } while (current().is(TokenKind.COMMA));
        expect(TokenKind.CLOSE_PAREN, "')'");
        expect(TokenKind.ASSIGN, "'='");
        Expression expression = expression();
        return new ColumnAssignment(Optional.empty(), names, expression, open.span().to(expression.span()));
    }

    ColumnAssignment assignment() {
        Token first = current();
        if ((first.is(TokenKind.IDENTIFIER) || first.is(TokenKind.BRACKETED_NAME)) && peek(1).is(TokenKind.ASSIGN)) {
            advance();
            advance();
            Expression expression = expression();
            return new ColumnAssignment(Optional.of(new Identifier(first.value(), first.span())), expression,
                    first.span().to(expression.span()));
        }
        Expression expression = expression();
        return new ColumnAssignment(Optional.empty(), expression, expression.span());
    }

    // --- expressions (Pratt)

    Expression expression() {
        return expression(0);
    }

    private Expression expression(int minimumPower) {
        enterNesting();
        Expression left = prefix();
        int chain = 0;
        LogicalChain logical = null;
        while (true) {
            Token token = current();
            Optional<InfixOperator> infix = infixAt(token);
            if (infix.isEmpty() || infix.get().power <= minimumPower) {
                break;
            }
            InfixOperator operator = infix.get();
            boolean isLogical = operator.binary == BinaryOperator.AND || operator.binary == BinaryOperator.OR;
            if (logical != null && logical.operator() != operator.binary) {
                left = logical.balanced();
                logical = null;
            }
            // A run of 'and' or 'or' becomes a balanced tree below, so its length is not nesting;
            // any other run builds a left-deep tree as long as the run, which is.
            if (!isLogical && depth + ++chain > MAX_EXPRESSION_DEPTH) {
                throw new DiagnosticException(DiagnosticFacts.tooDeeplyNested(MAX_EXPRESSION_DEPTH), token.span());
            }
            Span operatorSpan = token.span();
            for (int i = 0; i < operator.tokenCount; i++) {
                operatorSpan = operatorSpan.to(advance().span());
            }
            if (isLogical) {
                if (logical == null) {
                    logical = new LogicalChain(operator.binary, left);
                }
                logical.add(operatorSpan, expression(operator.power));
            } else if (operator.list != null) {
                left = inList(left, operator.list, operator.negated, operatorSpan);
            } else if (operator.between) {
                left = between(left, operator.negated, operatorSpan);
            } else {
                Expression right = expression(operator.power);
                left = new BinaryExpression(operator.binary, operatorSpan, left, right, left.span().to(right.span()));
            }
        }
        if (logical != null) {
            left = logical.balanced();
        }
        depth--;
        return left;
    }

    private BetweenExpression between(Expression value, boolean negated, Span operatorSpan) {
        expect(TokenKind.OPEN_PAREN, "'('");
        Expression low = expression();
        expect(TokenKind.DOT_DOT, "'..'");
        Expression high = expression();
        Token close = expect(TokenKind.CLOSE_PAREN, "')'");
        return new BetweenExpression(value, negated, operatorSpan, low, high, value.span().to(close.span()));
    }

    private InExpression inList(Expression left, ListOperator operator, boolean negated, Span operatorSpan) {
        expect(TokenKind.OPEN_PAREN, "'('");
        List<Expression> values = new ArrayList<>();
        values.add(expressionOrSubquery());
        while (current().is(TokenKind.COMMA)) {
            advance();
            values.add(expressionOrSubquery());
        }
        Token close = expect(TokenKind.CLOSE_PAREN, "')'");
        return new InExpression(left, operator, negated, operatorSpan, values, left.span().to(close.span()));
    }

    private Expression prefix() {
        Token token = current();
        switch (token.kind()) {
            case MINUS:
            case PLUS: {
                advance();
                if (token.is(TokenKind.MINUS) && isAdjacent(token, current())) {
                    Optional<LiteralExpression> negative = negativeLiteral(token);
                    if (negative.isPresent()) {
                        return negative.get();
                    }
                }
                enterNesting();
                Expression operand = prefix();
                depth--;
                return new UnaryExpression(token.is(TokenKind.MINUS), operand, token.span().to(operand.span()));
            }
            default:
                return postfix(primary());
        }
    }

    /** A literal, name, call or parenthesized expression. */
    private Expression primary() {
        Token token = current();
        switch (token.kind()) {
            case OPEN_PAREN: {
                advance();
                Expression inner = expressionOrSubquery();
                expect(TokenKind.CLOSE_PAREN, "')'");
                return inner;
            }
            case LONG_LITERAL:
                advance();
                return longLiteral(token.text(), token.span());
            case REAL_LITERAL:
                advance();
                return new LiteralExpression(LiteralKind.REAL, Double.parseDouble(token.text()), token.span());
            case STRING_LITERAL:
                advance();
                return new LiteralExpression(LiteralKind.STRING, token.value(), token.span());
            case TIMESPAN_LITERAL:
                advance();
                return token.value().equals("null") ? new NullLiteral(LiteralKind.TIMESPAN, token.span()) : timespanLiteral(token);
            case GUID_LITERAL:
                advance();
                return guidLiteral(token);
            case DATETIME_LITERAL: {
                advance();
                if (token.value().equals("null")) {
                    return new NullLiteral(LiteralKind.DATETIME, token.span());
                }
                Instant value = LiteralValues.datetime(token.value()).orElseThrow(() -> new DiagnosticException(
                        DiagnosticFacts.malformedLiteral("datetime", "'" + token.value() + "' is not a date and time such as 2024-01-31 or 2024-01-31T10:00:00Z"),
                        token.span()));
                return new LiteralExpression(LiteralKind.DATETIME, value, token.span());
            }
            case BRACKETED_NAME:
                advance();
                return new NameReference(token.value(), token.span());
            case IDENTIFIER:
                return identifierExpression();
            default:
                throw new DiagnosticException(DiagnosticFacts.missingExpression(describe(token)), token.span());
        }
    }

    /**
     * Property and element access after a primary: {@code x.name}, {@code x['name']},
     * {@code x.['name']}, {@code x[0]}, {@code x[-1]}, chained as in {@code x.a[0].b}.
     */
    private Expression postfix(Expression target) {
        Expression expression = target;
        int steps = 0;
        while (true) {
            Token token = current();
            if (token.is(TokenKind.DOT) && (peek(1).is(TokenKind.IDENTIFIER) || peek(1).is(TokenKind.BRACKETED_NAME))) {
                advance();
                Token name = advance();
                expression = new MemberAccess(expression, name.value(), name.span(), expression.span().to(name.span()));
            } else if (token.is(TokenKind.BRACKETED_NAME)) {
                advance();
                expression = new MemberAccess(expression, token.value(), token.span(), expression.span().to(token.span()));
            } else if (token.is(TokenKind.OPEN_BRACKET)) {
                advance();
                Expression index = expression();
                Token close = expect(TokenKind.CLOSE_BRACKET, "']'");
                expression = new ElementAccess(expression, index, expression.span().to(close.span()));
            } else {
                break;
            }
            steps++;
            enterNesting();
        }
        depth -= steps;
        return expression;
    }

    Expression identifierExpression() {
        Token name = advance();
        if (name.text().equals("true") || name.text().equals("false")) {
            return new LiteralExpression(LiteralKind.BOOL, name.text().equals("true"), name.span());
        }
        if (!current().is(TokenKind.OPEN_PAREN)) {
            return new NameReference(name.text(), name.span());
        }
        if (name.text().equals("dynamic")) {
            return dynamicLiteral(name);
        }
        Optional<LiteralKind> typed = typedLiteralKind(name.text());
        if (typed.isPresent()) {
            return typedLiteral(name, typed.get());
        }
        advance();
        List<Expression> arguments = new ArrayList<>();
        if (!current().is(TokenKind.CLOSE_PAREN)) {
            arguments.add(argument());
            while (current().is(TokenKind.COMMA)) {
                advance();
                arguments.add(argument());
            }
        }
        Token close = expect(TokenKind.CLOSE_PAREN, "')' or ','");
        return new FunctionCall(name.text(), name.span(), arguments, name.span().to(close.span()));
    }

    private static Optional<LiteralKind> typedLiteralKind(String name) {
        switch (name) {
            case "bool": case "boolean": return Optional.of(LiteralKind.BOOL);
            case "int": return Optional.of(LiteralKind.INT);
            case "long": return Optional.of(LiteralKind.LONG);
            case "real": case "double": return Optional.of(LiteralKind.REAL);
            case "decimal": return Optional.of(LiteralKind.DECIMAL);
            case "string": return Optional.of(LiteralKind.STRING);
            default: return Optional.empty();
        }
    }

    /** {@code long(5)}, {@code int(-1)}, {@code real(1.5)}, {@code bool(true)}, {@code decimal(0.1)}, or any of them with null. */
    private Expression typedLiteral(Token name, LiteralKind kind) {
        advance();
        Token value = current();
        boolean negative = false;
        if (value.is(TokenKind.MINUS)) {
            negative = true;
            advance();
            value = current();
        }
        Expression literal;
        if (value.isWord("null") && !negative) {
            advance();
            literal = new NullLiteral(kind, name.span());
        } else {
            literal = typedValue(name, kind, value, negative);
        }
        Token close = expect(TokenKind.CLOSE_PAREN, "')'");
        Span span = name.span().to(close.span());
        return literal instanceof LiteralExpression l ? new LiteralExpression(l.kind(), l.value(), span) : new NullLiteral(kind, span);
    }

    private LiteralExpression typedValue(Token name, LiteralKind kind, Token value, boolean negative) {
        String sign = negative ? "-" : "";
        DiagnosticException malformed = new DiagnosticException(DiagnosticFacts.malformedLiteral(name.text(),
                "'" + sign + value.text() + "' is not a " + name.text() + " value"), value.span());
        try {
            switch (kind) {
                case BOOL:
                    if (!negative && (value.isWord("true") || value.isWord("false"))) {
                        advance();
                        return new LiteralExpression(kind, value.text().equals("true"), value.span());
                    }
                    throw malformed;
                case INT:
                case LONG:
                    if (value.is(TokenKind.LONG_LITERAL)) {
                        advance();
                        long number = Long.parseLong(sign + value.text());
                        if (kind == LiteralKind.INT) {
                            return new LiteralExpression(kind, Math.toIntExact(number), value.span());
                        }
                        return new LiteralExpression(kind, number, value.span());
                    }
                    throw malformed;
                case REAL:
                case DECIMAL:
                    if (value.is(TokenKind.LONG_LITERAL) || value.is(TokenKind.REAL_LITERAL)) {
                        advance();
                        return kind == LiteralKind.REAL
                                ? new LiteralExpression(kind, Double.parseDouble(sign + value.text()), value.span())
                                : new LiteralExpression(kind, new java.math.BigDecimal(sign + value.text()), value.span());
                    }
                    throw malformed;
                default:
                    if (!negative && value.is(TokenKind.STRING_LITERAL)) {
                        advance();
                        return new LiteralExpression(kind, value.value(), value.span());
                    }
                    throw malformed;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed;
        }
    }

    private Expression guidLiteral(Token token) {
        if (token.value().equals("null")) {
            return new NullLiteral(LiteralKind.GUID, token.span());
        }
        if (!token.value().matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
            throw new DiagnosticException(DiagnosticFacts.malformedLiteral("guid",
                    "'" + token.value() + "' is not a guid such as 74be27de-1e4e-49d9-b579-fe0b331d3642"), token.span());
        }
        return new LiteralExpression(LiteralKind.GUID, token.value().toLowerCase(java.util.Locale.ROOT), token.span());
    }

    /** A call argument: an expression, or {@code *} standing for every column (arg_max, pack_all-like calls). */
    private Expression argument() {
        Token token = current();
        if (token.is(TokenKind.STAR) && (peek(1).is(TokenKind.COMMA) || peek(1).is(TokenKind.CLOSE_PAREN))) {
            advance();
            return new AllColumns(token.span());
        }
        return expressionOrSubquery();
    }

    private LiteralExpression dynamicLiteral(Token keyword) {
        advance();
        StringBuilder json = new StringBuilder();
        DynamicLiteralWriter.writeValue(this, json);
        Token close = expect(TokenKind.CLOSE_PAREN, "')'");
        return new LiteralExpression(LiteralKind.DYNAMIC, json.toString(), keyword.span().to(close.span()));
    }

    private Optional<LiteralExpression> negativeLiteral(Token minus) {
        Token token = current();
        if (token.is(TokenKind.LONG_LITERAL)) {
            advance();
            return Optional.of(longLiteral("-" + token.text(), minus.span().to(token.span())));
        }
        if (token.is(TokenKind.REAL_LITERAL)) {
            advance();
            return Optional.of(new LiteralExpression(LiteralKind.REAL, -Double.parseDouble(token.text()), minus.span().to(token.span())));
        }
        if (token.is(TokenKind.TIMESPAN_LITERAL) && Character.isDigit(token.text().charAt(0))) {
            advance();
            LiteralExpression positive = timespanLiteral(token);
            return Optional.of(new LiteralExpression(LiteralKind.TIMESPAN, -(Long) positive.value(), minus.span().to(token.span())));
        }
        return Optional.empty();
    }

    private LiteralExpression longLiteral(String digits, Span span) {
        try {
            return new LiteralExpression(LiteralKind.LONG, Long.parseLong(digits), span);
        } catch (NumberFormatException e) {
            throw new DiagnosticException(DiagnosticFacts.malformedLiteral("long", digits + " does not fit in a 64-bit integer"), span);
        }
    }

    private LiteralExpression timespanLiteral(Token token) {
        long ticks = LiteralValues.timespanTicks(token.value()).orElseThrow(() -> new DiagnosticException(
                DiagnosticFacts.malformedLiteral("timespan", "'" + token.value() + "' is not a duration such as 1h, 30m, 1.12:00:00"),
                token.span()));
        return new LiteralExpression(LiteralKind.TIMESPAN, ticks, token.span());
    }

    private Optional<InfixOperator> infixAt(Token token) {
        switch (token.kind()) {
            case EQUAL: return InfixOperator.binary(BinaryOperator.EQUAL, COMPARISON_POWER, 1);
            case NOT_EQUAL: return InfixOperator.binary(BinaryOperator.NOT_EQUAL, COMPARISON_POWER, 1);
            case EQUAL_TILDE: return InfixOperator.binary(BinaryOperator.EQUAL_TILDE, COMPARISON_POWER, 1);
            case NOT_EQUAL_TILDE: return InfixOperator.binary(BinaryOperator.NOT_EQUAL_TILDE, COMPARISON_POWER, 1);
            case LESS: return InfixOperator.binary(BinaryOperator.LESS, COMPARISON_POWER, 1);
            case LESS_OR_EQUAL: return InfixOperator.binary(BinaryOperator.LESS_OR_EQUAL, COMPARISON_POWER, 1);
            case GREATER: return InfixOperator.binary(BinaryOperator.GREATER, COMPARISON_POWER, 1);
            case GREATER_OR_EQUAL: return InfixOperator.binary(BinaryOperator.GREATER_OR_EQUAL, COMPARISON_POWER, 1);
            case PLUS: return InfixOperator.binary(BinaryOperator.ADD, ADDITIVE_POWER, 1);
            case MINUS: return InfixOperator.binary(BinaryOperator.SUBTRACT, ADDITIVE_POWER, 1);
            case STAR: return InfixOperator.binary(BinaryOperator.MULTIPLY, MULTIPLICATIVE_POWER, 1);
            case SLASH: return InfixOperator.binary(BinaryOperator.DIVIDE, MULTIPLICATIVE_POWER, 1);
            case PERCENT: return InfixOperator.binary(BinaryOperator.MODULO, MULTIPLICATIVE_POWER, 1);
            case COLON: return searchTerms ? InfixOperator.binary(BinaryOperator.HAS, COMPARISON_POWER, 1) : Optional.empty();
            case BANG: {
                Token word = peek(1);
                if (!isAdjacent(token, word)) {
                    return Optional.empty();
                }
                return wordOperator(word.text(), true);
            }
            case IDENTIFIER:
                return wordOperator(token.text(), false);
            default:
                return Optional.empty();
        }
    }

    private Optional<InfixOperator> wordOperator(String word, boolean negated) {
        int tokens = negated ? 2 : 1;
        switch (word) {
            case "or": return negated ? Optional.empty() : InfixOperator.binary(BinaryOperator.OR, OR_POWER, 1);
            case "and": return negated ? Optional.empty() : InfixOperator.binary(BinaryOperator.AND, AND_POWER, 1);
            case "in": return InfixOperator.list(ListOperator.IN, tokens, negated);
            case "in~": return InfixOperator.list(ListOperator.IN_IGNORING_CASE, tokens, negated);
            case "has_any": return negated ? Optional.empty() : InfixOperator.list(ListOperator.HAS_ANY, tokens, false);
            case "has_all": return negated ? Optional.empty() : InfixOperator.list(ListOperator.HAS_ALL, tokens, false);
            case "between": return Optional.of(new InfixOperator(null, null, COMPARISON_POWER, tokens, true, negated));
            case "matches":
                if (!negated && peek(1).isWord("regex")) {
                    return InfixOperator.binary(BinaryOperator.MATCHES_REGEX, COMPARISON_POWER, 2);
                }
                return Optional.empty();
            default:
                return BinaryOperator.fromWord(word, negated).flatMap(operator -> InfixOperator.binary(operator, COMPARISON_POWER, tokens));
        }
    }

    private static final class InfixOperator {
        final BinaryOperator binary;
        final ListOperator list;
        final int power;
        final int tokenCount;
        final boolean between;
        final boolean negated;

        InfixOperator(BinaryOperator binary, ListOperator list, int power, int tokenCount, boolean between, boolean negated) {
            this.binary = binary;
            this.list = list;
            this.power = power;
            this.tokenCount = tokenCount;
            this.between = between;
            this.negated = negated;
        }

        static Optional<InfixOperator> binary(BinaryOperator operator, int power, int tokenCount) {
            return Optional.of(new InfixOperator(operator, null, power, tokenCount, false, false));
        }

        static Optional<InfixOperator> list(ListOperator operator, int tokenCount, boolean negated) {
            return Optional.of(new InfixOperator(null, operator, COMPARISON_POWER, tokenCount, false, negated));
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
        if (allowStar && current().is(TokenKind.STAR)) {
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
