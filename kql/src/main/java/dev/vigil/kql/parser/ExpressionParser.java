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

/** Scalar expressions, by Pratt parsing: literals, names, calls, member and element access, and infix operators. */
final class ExpressionParser {
    private static final int OR_POWER = 1;
    private static final int AND_POWER = 2;
    private static final int COMPARISON_POWER = 3;
    private static final int ADDITIVE_POWER = 4;
    private static final int MULTIPLICATIVE_POWER = 5;

    /** Inside a {@code search} predicate, {@code Column:"term"} means the column has the term. */
    private boolean searchTerms;
    private final KqlParser parser;

    ExpressionParser(KqlParser parser) {
        this.parser = parser;
    }

    Expression expression() {
        return expression(0);
    }

    private Expression expression(int minimumPower) {
        parser.enterNesting();
        Expression left = prefix();
        int chain = 0;
        LogicalChain logical = null;
        while (true) {
            Token token = parser.current();
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
            if (!isLogical && parser.depth() + ++chain > KqlParser.MAX_EXPRESSION_DEPTH) {
                throw new DiagnosticException(DiagnosticFacts.tooDeeplyNested(KqlParser.MAX_EXPRESSION_DEPTH), token.span());
            }
            Span operatorSpan = token.span();
            for (int i = 0; i < operator.tokenCount; i++) {
                operatorSpan = operatorSpan.to(parser.advance().span());
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
        parser.leaveNesting();
        return left;
    }

    private BetweenExpression between(Expression value, boolean negated, Span operatorSpan) {
        parser.expect(TokenKind.OPEN_PAREN, "'('");
        Expression low = expression();
        parser.expect(TokenKind.DOT_DOT, "'..'");
        Expression high = expression();
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
        return new BetweenExpression(value, negated, operatorSpan, low, high, value.span().to(close.span()));
    }

    private InExpression inList(Expression left, ListOperator operator, boolean negated, Span operatorSpan) {
        parser.expect(TokenKind.OPEN_PAREN, "'('");
        List<Expression> values = new ArrayList<>();
        values.add(parser.expressionOrSubquery());
        while (parser.current().is(TokenKind.COMMA)) {
            parser.advance();
            values.add(parser.expressionOrSubquery());
        }
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
        return new InExpression(left, operator, negated, operatorSpan, values, left.span().to(close.span()));
    }

    private Expression prefix() {
        Token token = parser.current();
        switch (token.kind()) {
            case MINUS:
            case PLUS: {
                parser.advance();
                if (token.is(TokenKind.MINUS) && KqlParser.isAdjacent(token, parser.current())) {
                    Optional<LiteralExpression> negative = negativeLiteral(token);
                    if (negative.isPresent()) {
                        return negative.get();
                    }
                }
                parser.enterNesting();
                Expression operand = prefix();
                parser.leaveNesting();
                return new UnaryExpression(token.is(TokenKind.MINUS), operand, token.span().to(operand.span()));
            }
            default:
                return postfix(primary());
        }
    }

    /** A literal, name, call or parenthesized expression. */
    private Expression primary() {
        Token token = parser.current();
        switch (token.kind()) {
            case OPEN_PAREN: {
                parser.advance();
                Expression inner = parser.expressionOrSubquery();
                parser.expect(TokenKind.CLOSE_PAREN, "')'");
                return inner;
            }
            case LONG_LITERAL:
                parser.advance();
                return longLiteral(token.text(), token.span());
            case REAL_LITERAL:
                parser.advance();
                return new LiteralExpression(LiteralKind.REAL, Double.parseDouble(token.text()), token.span());
            case STRING_LITERAL: {
                parser.advance();
                // adjacent literals are one string, as Kusto joins them ("https://host/blob?" h'sas-token')
                StringBuilder value = new StringBuilder(token.value());
                Span span = token.span();
                while (parser.current().is(TokenKind.STRING_LITERAL)) {
                    Token next = parser.advance();
                    value.append(next.value());
                    span = span.to(next.span());
                }
                return new LiteralExpression(LiteralKind.STRING, value.toString(), span);
            }
            case TIMESPAN_LITERAL:
                parser.advance();
                return token.value().equals("null") ? new NullLiteral(LiteralKind.TIMESPAN, token.span()) : timespanLiteral(token);
            case GUID_LITERAL:
                parser.advance();
                return guidLiteral(token);
            case DATETIME_LITERAL: {
                parser.advance();
                if (token.value().equals("null")) {
                    return new NullLiteral(LiteralKind.DATETIME, token.span());
                }
                Instant value = LiteralValues.datetime(token.value()).orElseThrow(() -> new DiagnosticException(
                        DiagnosticFacts.malformedLiteral("datetime", "'" + token.value() + "' is not a date and time such as 2024-01-31 or 2024-01-31T10:00:00Z"),
                        token.span()));
                return new LiteralExpression(LiteralKind.DATETIME, value, token.span());
            }
            case BRACKETED_NAME:
                parser.advance();
                return new NameReference(token.value(), token.span());
            case IDENTIFIER:
                return identifierExpression();
            default:
                throw new DiagnosticException(DiagnosticFacts.missingExpression(KqlParser.describe(token)), token.span());
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
            Token token = parser.current();
            if (token.is(TokenKind.DOT) && (parser.peek(1).is(TokenKind.IDENTIFIER) || parser.peek(1).is(TokenKind.BRACKETED_NAME))) {
                parser.advance();
                Token name = parser.advance();
                expression = new MemberAccess(expression, name.value(), name.span(), expression.span().to(name.span()));
            } else if (token.is(TokenKind.BRACKETED_NAME)) {
                parser.advance();
                expression = new MemberAccess(expression, token.value(), token.span(), expression.span().to(token.span()));
            } else if (token.is(TokenKind.OPEN_BRACKET)) {
                parser.advance();
                Expression index = expression();
                Token close = parser.expect(TokenKind.CLOSE_BRACKET, "']'");
                expression = new ElementAccess(expression, index, expression.span().to(close.span()));
            } else {
                break;
            }
            steps++;
            parser.enterNesting();
        }
        for (int i = 0; i < steps; i++) {
            parser.leaveNesting();
        }
        return expression;
    }

    Expression identifierExpression() {
        Token name = parser.advance();
        if (name.text().equals("true") || name.text().equals("false")) {
            return new LiteralExpression(LiteralKind.BOOL, name.text().equals("true"), name.span());
        }
        if (!parser.current().is(TokenKind.OPEN_PAREN)) {
            return new NameReference(name.text(), name.span());
        }
        if (name.text().equals("dynamic")) {
            return dynamicLiteral(name);
        }
        Optional<LiteralKind> typed = typedLiteralKind(name.text());
        if (typed.isPresent()) {
            return typedLiteral(name, typed.get());
        }
        parser.advance();
        List<Expression> arguments = new ArrayList<>();
        if (!parser.current().is(TokenKind.CLOSE_PAREN)) {
            arguments.add(argument());
            while (parser.current().is(TokenKind.COMMA)) {
                parser.advance();
                arguments.add(argument());
            }
        }
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')' or ','");
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
        parser.advance();
        Token value = parser.current();
        boolean negative = false;
        if (value.is(TokenKind.MINUS)) {
            negative = true;
            parser.advance();
            value = parser.current();
        }
        Expression literal;
        if (value.isWord("null") && !negative) {
            parser.advance();
            literal = new NullLiteral(kind, name.span());
        } else {
            literal = typedValue(name, kind, value, negative);
        }
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
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
                        parser.advance();
                        return new LiteralExpression(kind, value.text().equals("true"), value.span());
                    }
                    throw malformed;
                case INT:
                case LONG:
                    if (value.is(TokenKind.LONG_LITERAL)) {
                        parser.advance();
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
                        parser.advance();
                        return kind == LiteralKind.REAL
                                ? new LiteralExpression(kind, Double.parseDouble(sign + value.text()), value.span())
                                : new LiteralExpression(kind, new java.math.BigDecimal(sign + value.text()), value.span());
                    }
                    throw malformed;
                default:
                    if (!negative && value.is(TokenKind.STRING_LITERAL)) {
                        parser.advance();
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
        Token token = parser.current();
        if (token.is(TokenKind.STAR) && (parser.peek(1).is(TokenKind.COMMA) || parser.peek(1).is(TokenKind.CLOSE_PAREN))) {
            parser.advance();
            return new AllColumns(token.span());
        }
        if (KqlParser.isNameToken(token) && parser.peek(1).is(TokenKind.ASSIGN)) {
            Identifier name = parser.identifier("a parameter name");
            parser.advance();
            Expression value = parser.expressionOrSubquery();
            return new NamedArgument(name, value, name.span().to(value.span()));
        }
        return parser.expressionOrSubquery();
    }

    private LiteralExpression dynamicLiteral(Token keyword) {
        parser.advance();
        StringBuilder json = new StringBuilder();
        DynamicLiteralWriter.writeValue(parser, json);
        Token close = parser.expect(TokenKind.CLOSE_PAREN, "')'");
        return new LiteralExpression(LiteralKind.DYNAMIC, json.toString(), keyword.span().to(close.span()));
    }

    private Optional<LiteralExpression> negativeLiteral(Token minus) {
        Token token = parser.current();
        if (token.is(TokenKind.LONG_LITERAL)) {
            parser.advance();
            return Optional.of(longLiteral("-" + token.text(), minus.span().to(token.span())));
        }
        if (token.is(TokenKind.REAL_LITERAL)) {
            parser.advance();
            return Optional.of(new LiteralExpression(LiteralKind.REAL, -Double.parseDouble(token.text()), minus.span().to(token.span())));
        }
        if (token.is(TokenKind.TIMESPAN_LITERAL) && Character.isDigit(token.text().charAt(0))) {
            parser.advance();
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
                Token word = parser.peek(1);
                if (!KqlParser.isAdjacent(token, word)) {
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
                if (!negated && parser.peek(1).isWord("regex")) {
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

    /** The predicate of {@code search}, where {@code Column:"term"} is a term match. */
    Expression searchPredicate() {
        searchTerms = true;
        try {
            return expression();
        } finally {
            searchTerms = false;
        }
    }
}
