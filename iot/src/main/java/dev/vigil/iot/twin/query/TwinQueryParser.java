package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.vigil.iot.twin.InvalidTwinQueryException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses the part of IoT Hub's query language that reads twins, by recursive descent; every error
 * names its column and what was expected there. Keywords are case-insensitive, field names are not.
 */
final class TwinQueryParser {
    /** Nesting of parentheses and NOTs beyond this is refused rather than risking the stack on hostile input. */
    private static final int MAX_DEPTH = 64;
    private static final Set<String> RESERVED = Set.of("select", "from", "where", "group", "by", "and", "or", "not", "as", "in", "nin", "top");

    private final List<QueryToken> tokens;
    private int position;
    private int depth;

    private TwinQueryParser(String text) {
        this.tokens = QueryLexer.tokens(text);
    }

    static TwinQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTwinQueryException("the query is empty: write e.g. SELECT * FROM devices WHERE tags.location = 'plant-1'");
        }
        return new TwinQueryParser(text).query();
    }

    private TwinQuery query() {
        keyword("SELECT");
        OptionalInt top = OptionalInt.empty();
        if (peek().isKeyword("TOP")) {
            next();
            QueryToken count = expect(QueryToken.Kind.NUMBER, "a number after TOP");
            try {
                top = OptionalInt.of(Integer.parseInt(count.text()));
            } catch (NumberFormatException e) {
                throw error(count, "TOP takes a whole number");
            }
            if (top.getAsInt() < 0) {
                throw error(count, "TOP takes a number of 0 or more");
            }
        }
        List<Projection> select = selectList();
        keyword("FROM");
        QuerySource from = source();
        Optional<Condition> where = Optional.empty();
        if (peek().isKeyword("WHERE")) {
            next();
            where = Optional.of(condition());
        }
        List<FieldPath> groupBy = new ArrayList<>();
        if (peek().isKeyword("GROUP")) {
            next();
            keyword("BY");
            groupBy.add(path());
            while (peek().isSymbol(",")) {
                next();
                groupBy.add(path());
            }
        }
        List<SortKey> orderBy = new ArrayList<>();
        if (peek().isKeyword("ORDER")) {
            next();
            keyword("BY");
            do {
                if (!orderBy.isEmpty()) {
                    next();
                }
                orderBy.add(sortKey());
            } while (peek().isSymbol(","));
        }
        if (peek().kind() != QueryToken.Kind.END) {
            throw error(peek(), "expected WHERE, GROUP BY, ORDER BY or the end of the query");
        }
        TwinQuery query = new TwinQuery(top, select, from, where, groupBy, orderBy);
        checkGrouping(query);
        return query;
    }

    private List<Projection> selectList() {
        if (peek().isSymbol("*")) {
            next();
            return List.of();
        }
        List<Projection> items = new ArrayList<>();
        do {
            if (!items.isEmpty()) {
                next();
            }
            items.add(projection(items.size() + 1));
        } while (peek().isSymbol(","));
        return items;
    }

    private Projection projection(int index) {
        if (peek().isKeyword("COUNT") && tokens.get(position + 1).isSymbol("(")) {
            next();
            symbol("(");
            symbol(")");
            return new Projection.Count(alias().orElse("$" + index));
        }
        FieldPath path = path();
        return new Projection.Field(path, alias().orElse(path.lastSegment()));
    }

    private Optional<String> alias() {
        if (!peek().isKeyword("AS")) {
            return Optional.empty();
        }
        next();
        return Optional.of(expect(QueryToken.Kind.IDENTIFIER, "a name after AS").text());
    }

    private QuerySource source() {
        QueryToken start = peek();
        FieldPath path = path();
        return switch (path.text().toLowerCase(java.util.Locale.ROOT)) {
            case "devices" -> QuerySource.DEVICES;
            case "devices.modules" -> QuerySource.MODULES;
            case "devices.jobs" -> throw new InvalidTwinQueryException("column " + start.column() + ": Vigil runs no jobs; query devices or devices.modules");
            default -> throw new InvalidTwinQueryException("column " + start.column() + ": FROM takes devices or devices.modules, not '" + path.text() + "'");
        };
    }

    private Condition condition() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "the condition nests more than " + MAX_DEPTH + " levels deep");
        }
        Condition left = conjunction();
        while (peek().isKeyword("OR")) {
            next();
            left = new OrCondition(left, conjunction());
        }
        depth--;
        return left;
    }

    private Condition conjunction() {
        Condition left = negation();
        while (peek().isKeyword("AND")) {
            next();
            left = new AndCondition(left, negation());
        }
        return left;
    }

    private Condition negation() {
        if (peek().isKeyword("NOT")) {
            next();
            if (++depth > MAX_DEPTH) {
                throw error(peek(), "the condition nests more than " + MAX_DEPTH + " levels deep");
            }
            Condition operand = negation();
            depth--;
            return new NotCondition(operand);
        }
        return primary();
    }

    private Condition primary() {
        QueryToken token = peek();
        if (token.isSymbol("(")) {
            next();
            Condition inner = condition();
            symbol(")");
            return inner;
        }
        if (token.kind() == QueryToken.Kind.IDENTIFIER && tokens.get(position + 1).isSymbol("(")) {
            return function();
        }
        Operand left = operand();
        if (left instanceof FieldPath field && (peek().isKeyword("IN") || peek().isKeyword("NIN") || peek().isKeyword("NOT"))) {
            boolean negated = !peek().isKeyword("IN");
            if (next().isKeyword("NOT")) {
                keyword("IN");
            }
            return new InList(field, literalList(), negated);
        }
        QueryToken operatorToken = peek();
        ComparisonOperator operator = operatorToken.kind() == QueryToken.Kind.SYMBOL ? ComparisonOperator.of(operatorToken.text()).orElse(null) : null;
        if (operator == null) {
            throw error(operatorToken, "expected a comparison (=, !=, <>, <, <=, >, >=) or IN");
        }
        next();
        Operand right = operand();
        if (left instanceof Literal && right instanceof Literal) {
            throw error(token, "a comparison needs a field of the twin on one side");
        }
        return new Comparison(left, operator, right);
    }

    private Condition function() {
        QueryToken name = next();
        FunctionTest.Function function = FunctionTest.Function.named(name.text())
                .orElseThrow(() -> error(name, "unknown function '" + name.text() + "': Vigil knows IS_DEFINED, IS_NULL, STARTSWITH and ENDSWITH"));
        symbol("(");
        FieldPath field = path();
        Optional<String> argument = Optional.empty();
        if (function.takesString) {
            symbol(",");
            argument = Optional.of(expect(QueryToken.Kind.STRING, "a string as the second argument of " + function.name()).text());
        }
        symbol(")");
        return new FunctionTest(function, field, argument);
    }

    private List<Literal> literalList() {
        symbol("[");
        List<Literal> values = new ArrayList<>();
        if (!peek().isSymbol("]")) {
            values.add(literal());
            while (peek().isSymbol(",")) {
                next();
                values.add(literal());
            }
        }
        symbol("]");
        return values;
    }

    private Operand operand() {
        QueryToken token = peek();
        if (token.kind() == QueryToken.Kind.IDENTIFIER && !isLiteralWord(token)) {
            return path();
        }
        return literal();
    }

    private Literal literal() {
        QueryToken token = next();
        JsonNodeFactory json = JsonNodeFactory.instance;
        JsonNode value = switch (token.kind()) {
            case STRING -> json.textNode(token.text());
            case NUMBER -> number(token);
            case IDENTIFIER -> switch (token.text().toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> json.booleanNode(true);
                case "false" -> json.booleanNode(false);
                case "null" -> json.nullNode();
                default -> throw error(token, "expected a value (a 'string', a number, true, false or null)");
            };
            default -> throw error(token, "expected a field or a value");
        };
        return new Literal(value);
    }

    private static JsonNode number(QueryToken token) {
        try {
            BigDecimal value = new BigDecimal(token.text());
            return JsonNodeFactory.instance.numberNode(value);
        } catch (NumberFormatException e) {
            throw error(token, "'" + token.text() + "' is not a number");
        }
    }

    private static boolean isLiteralWord(QueryToken token) {
        return token.isKeyword("true") || token.isKeyword("false") || token.isKeyword("null");
    }

    private FieldPath path() {
        QueryToken first = expect(QueryToken.Kind.IDENTIFIER, "a field name");
        if (RESERVED.contains(first.text().toLowerCase(java.util.Locale.ROOT))) {
            throw error(first, "expected a field name, found the keyword " + first.text().toUpperCase(java.util.Locale.ROOT));
        }
        List<String> segments = new ArrayList<>(List.of(first.text()));
        while (peek().isSymbol(".")) {
            next();
            segments.add(expect(QueryToken.Kind.IDENTIFIER, "a field name after '.'").text());
        }
        return new FieldPath(segments);
    }

    private SortKey sortKey() {
        FieldPath path = path();
        if (peek().isKeyword("DESC")) {
            next();
            return new SortKey(path, true);
        }
        if (peek().isKeyword("ASC")) {
            next();
        }
        return new SortKey(path, false);
    }

    /** Grouped queries select only the grouping fields and COUNT(); COUNT() without GROUP BY stands alone; their rows are not ordered. */
    private void checkGrouping(TwinQuery query) {
        if (!query.aggregates()) {
            return;
        }
        if (!query.orderBy().isEmpty()) {
            throw new InvalidTwinQueryException("ORDER BY does not go with GROUP BY or COUNT(): groups come in the order of their values");
        }
        for (Projection projection : query.select()) {
            if (projection instanceof Projection.Field field && !query.groupBy().contains(field.path())) {
                throw new InvalidTwinQueryException("'" + field.path().text() + "' is selected beside COUNT() but is not in GROUP BY");
            }
        }
        if (query.selectsTwins()) {
            throw new InvalidTwinQueryException("SELECT * cannot be grouped: select the GROUP BY fields and COUNT()");
        }
    }

    private void keyword(String keyword) {
        if (!peek().isKeyword(keyword)) {
            throw error(peek(), "expected " + keyword);
        }
        next();
    }

    private void symbol(String symbol) {
        if (!peek().isSymbol(symbol)) {
            throw error(peek(), "expected '" + symbol + "'");
        }
        next();
    }

    private QueryToken expect(QueryToken.Kind kind, String what) {
        if (peek().kind() != kind) {
            throw error(peek(), "expected " + what);
        }
        return next();
    }

    private QueryToken peek() {
        return tokens.get(position);
    }

    private QueryToken next() {
        QueryToken token = tokens.get(position);
        if (token.kind() != QueryToken.Kind.END) {
            position++;
        }
        return token;
    }

    private static InvalidTwinQueryException error(QueryToken at, String message) {
        return new InvalidTwinQueryException("column " + at.column() + ": " + message + ", found " + at.describe());
    }
}
