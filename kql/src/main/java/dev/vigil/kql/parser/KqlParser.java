package dev.vigil.kql.parser;

import dev.vigil.kql.diagnostics.DiagnosticException;
import dev.vigil.kql.diagnostics.DiagnosticFacts;
import dev.vigil.kql.syntax.BetweenExpression;
import dev.vigil.kql.syntax.BinaryExpression;
import dev.vigil.kql.syntax.BinaryOperator;
import dev.vigil.kql.syntax.ColumnAssignment;
import dev.vigil.kql.syntax.CountOperator;
import dev.vigil.kql.syntax.ElementAccess;
import dev.vigil.kql.syntax.Expression;
import dev.vigil.kql.syntax.ExtendOperator;
import dev.vigil.kql.syntax.FunctionCall;
import dev.vigil.kql.syntax.Identifier;
import dev.vigil.kql.syntax.InExpression;
import dev.vigil.kql.syntax.LiteralExpression;
import dev.vigil.kql.syntax.ListOperator;
import dev.vigil.kql.syntax.LiteralKind;
import dev.vigil.kql.syntax.MemberAccess;
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
import java.util.List;
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

    private KqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole query; throws {@link DiagnosticException} at the first syntax error. */
    public static Query parse(String text) {
        KqlParser parser = new KqlParser(Lexer.tokenize(text));
        return parser.query();
    }

    /** Parses a single scalar expression (used by tests and, later, by {@code let} and function bodies). */
    public static Expression parseExpression(String text) {
        KqlParser parser = new KqlParser(Lexer.tokenize(text));
        Expression expression = parser.expression();
        parser.expect(TokenKind.END_OF_TEXT, "end of expression");
        return expression;
    }

    // --- statements and tabular operators

    private Query query() {
        if (current().is(TokenKind.END_OF_TEXT)) {
            throw new DiagnosticException(DiagnosticFacts.emptyQuery(), current().span());
        }
        List<Statement> statements = new ArrayList<>();
        Span start = current().span();
        while (!current().is(TokenKind.END_OF_TEXT)) {
            statements.add(statement());
            if (current().is(TokenKind.SEMICOLON)) {
                advance();
            } else if (!current().is(TokenKind.END_OF_TEXT)) {
                throw unexpected();
            }
        }
        return new Query(statements, start.to(previous().span()));
    }

    private Statement statement() {
        PipeExpression pipe = pipe();
        return new QueryStatement(pipe, pipe.span());
    }

    private PipeExpression pipe() {
        TableReference source = tableReference();
        List<QueryOperator> operators = new ArrayList<>();
        while (current().is(TokenKind.PIPE)) {
            advance();
            operators.add(queryOperator());
        }
        Span span = operators.isEmpty() ? source.span() : source.span().to(operators.get(operators.size() - 1).span());
        return new PipeExpression(source, operators, span);
    }

    private TableReference tableReference() {
        Token token = current();
        if (token.is(TokenKind.IDENTIFIER) || token.is(TokenKind.BRACKETED_NAME)) {
            advance();
            return new TableReference(token.value(), token.span());
        }
        throw new DiagnosticException(DiagnosticFacts.expected("a table name", describe(token)), token.span());
    }

    private QueryOperator queryOperator() {
        Token keyword = current();
        if (!keyword.is(TokenKind.IDENTIFIER)) {
            throw new DiagnosticException(DiagnosticFacts.expected("a query operator", describe(keyword)), keyword.span());
        }
        advance();
        switch (keyword.text()) {
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
                List<ColumnAssignment> columns = assignments();
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
            default:
                throw new DiagnosticException(DiagnosticFacts.unknownQueryOperator(keyword.text()), keyword.span());
        }
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

    private SortKey sortKey() {
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

    private List<ColumnAssignment> assignments() {
        List<ColumnAssignment> columns = new ArrayList<>();
        columns.add(assignment());
        while (current().is(TokenKind.COMMA)) {
            advance();
            columns.add(assignment());
        }
        return columns;
    }

    private ColumnAssignment assignment() {
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

    private Expression expression() {
        return expression(0);
    }

    private Expression expression(int minimumPower) {
        enterNesting();
        Expression left = prefix();
        int chain = 0;
        while (true) {
            Token token = current();
            Optional<InfixOperator> infix = infixAt(token);
            if (infix.isEmpty() || infix.get().power <= minimumPower) {
                break;
            }
            if (depth + ++chain > MAX_EXPRESSION_DEPTH) {
                throw new DiagnosticException(DiagnosticFacts.tooDeeplyNested(MAX_EXPRESSION_DEPTH), token.span());
            }
            InfixOperator operator = infix.get();
            Span operatorSpan = token.span();
            for (int i = 0; i < operator.tokenCount; i++) {
                operatorSpan = operatorSpan.to(advance().span());
            }
            if (operator.list != null) {
                left = inList(left, operator.list, operator.negated, operatorSpan);
            } else if (operator.between) {
                left = between(left, operator.negated, operatorSpan);
            } else {
                Expression right = expression(operator.power);
                left = new BinaryExpression(operator.binary, operatorSpan, left, right, left.span().to(right.span()));
            }
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
        values.add(expression());
        while (current().is(TokenKind.COMMA)) {
            advance();
            values.add(expression());
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
                Expression inner = expression();
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

    private Expression identifierExpression() {
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
            arguments.add(expression());
            while (current().is(TokenKind.COMMA)) {
                advance();
                arguments.add(expression());
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

    // --- token access, shared with DynamicLiteralWriter

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

    private Token previous() {
        return tokens.get(Math.max(0, index - 1));
    }

    Token expect(TokenKind kind, String what) {
        if (!current().is(kind)) {
            throw new DiagnosticException(DiagnosticFacts.expected(what, describe(current())), current().span());
        }
        return advance();
    }

    private void expectWord(String word) {
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

    private static boolean isAdjacent(Token first, Token second) {
        return first.span().end() == second.span().start();
    }

    private static <T> T last(List<T> items) {
        return items.get(items.size() - 1);
    }
}
