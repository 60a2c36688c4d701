package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over IoT Hub's route condition grammar: {@code OR} binds loosest, then {@code AND},
 * {@code NOT}, comparisons (which do not chain), {@code +}/{@code -}, {@code *}/{@code /}/{@code %},
 * unary minus; operands are constants, arrays of constants, function calls, parentheses, {@code $name},
 * {@code $body.path}, {@code $twin.path} and application property names.
 */
final class ConditionParser {
    private static final int NOT_OPERAND_PRECEDENCE = 3;

    private final String text;
    private final List<ConditionToken> tokens;
    private int position;

    private ConditionParser(String text) {
        this.text = text;
        this.tokens = ConditionLexer.tokens(text);
    }

    static Expression parse(String text) {
        ConditionParser parser = new ConditionParser(text);
        Expression expression = parser.binary(1);
        ConditionToken rest = parser.peek();
        if (rest.kind() != ConditionToken.Kind.END) {
            throw parser.error(rest, "expected an operator or the end of the condition, found " + rest.describe());
        }
        return expression;
    }

    private Expression binary(int minimumPrecedence) {
        Expression left = unary();
        boolean compared = false;
        while (true) {
            ConditionToken token = peek();
            BinaryOperator operator = BinaryOperator.of(token);
            if (operator == null || operator.precedence() < minimumPrecedence) {
                return left;
            }
            if (operator.isComparison() && compared) {
                throw error(token, "comparisons do not chain: put the first one in parentheses or join them with AND");
            }
            position++;
            Expression right = binary(operator.precedence() + 1);
            left = new BinaryOperation(operator, left, right);
            compared = operator.isComparison();
        }
    }

    private Expression unary() {
        ConditionToken token = peek();
        if (token.isKeyword("NOT")) {
            position++;
            return new Not(binary(NOT_OPERAND_PRECEDENCE));
        }
        if (token.is("-")) {
            position++;
            Expression operand = unary();
            if (operand instanceof Constant constant && constant.value() != null && constant.value().isNumber()) {
                return new Constant(DoubleNode.valueOf(-constant.value().doubleValue())); // a negative literal, as in an array
            }
            return new BinaryOperation(BinaryOperator.SUBTRACT, new Constant(LongNode.valueOf(0)), operand);
        }
        return primary();
    }

    private Expression primary() {
        ConditionToken token = next();
        switch (token.kind()) {
            case NUMBER:
                return new Constant(number(token));
            case STRING:
                return new Constant(TextNode.valueOf(token.text()));
            case DOLLAR_NAME:
                return dollar(token);
            case NAME:
                return name(token);
            case SYMBOL:
                if (token.is("(")) {
                    Expression inner = binary(1);
                    expect(")", "to close the '(' at " + where(token));
                    return inner;
                }
                if (token.is("[")) {
                    return new Constant(array(token));
                }
                throw error(token, "expected a value, a property or a function, found " + token.describe());
            default:
                throw error(token, "expected a value, a property or a function, found " + token.describe());
        }
    }

    private Expression dollar(ConditionToken token) {
        if (token.text().equalsIgnoreCase("body")) {
            return new MessageReference(MessageReference.Kind.BODY, "body", path());
        }
        if (token.text().equalsIgnoreCase("twin")) {
            return new MessageReference(MessageReference.Kind.TWIN, "twin", path());
        }
        return new MessageReference(MessageReference.Kind.SYSTEM_PROPERTY, token.text(), List.of());
    }

    private Expression name(ConditionToken token) {
        String word = token.text();
        if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
            return new Constant(BooleanNode.valueOf(word.equalsIgnoreCase("true")));
        }
        if (word.equalsIgnoreCase("null")) {
            return new Constant(NullNode.getInstance());
        }
        if (word.equalsIgnoreCase("undefined")) {
            return new Constant(null);
        }
        if (word.equalsIgnoreCase("AND") || word.equalsIgnoreCase("OR")) {
            throw error(token, "expected a value before '" + word + "'");
        }
        if (peek().is("(")) {
            return call(token);
        }
        // an application property; its name may hold dots
        StringBuilder property = new StringBuilder(word);
        while (peek().is(".") && peekAfter().kind() == ConditionToken.Kind.NAME) {
            position++;
            property.append('.').append(next().text());
        }
        return new MessageReference(MessageReference.Kind.APPLICATION_PROPERTY, property.toString(), List.of());
    }

    private Expression call(ConditionToken name) {
        RouteFunction function = RouteFunction.named(name.text()).orElseThrow(() ->
                error(name, "unknown function '" + name.text() + "'; route conditions have " + RouteFunction.names()));
        position++; // (
        List<Expression> arguments = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                arguments.add(binary(1));
            } while (accept(","));
        }
        expect(")", "to close the arguments of " + function.name());
        if (!function.accepts(arguments.size())) {
            throw error(name, function.name() + " takes " + function.arity() + ", given " + arguments.size());
        }
        return new FunctionCall(function, arguments);
    }

    /** {@code .field}, {@code [index]} and {@code ['field']} steps after {@code $body} or {@code $twin}. */
    private List<Object> path() {
        List<Object> steps = new ArrayList<>();
        while (true) {
            if (peek().is(".")) {
                position++;
                ConditionToken field = next();
                if (field.kind() != ConditionToken.Kind.NAME) {
                    throw error(field, "expected a property name after '.', found " + field.describe());
                }
                steps.add(field.text());
            } else if (peek().is("[")) {
                ConditionToken open = next();
                ConditionToken index = next();
                if (index.kind() == ConditionToken.Kind.STRING) {
                    steps.add(index.text());
                } else if (index.kind() == ConditionToken.Kind.NUMBER && index.text().chars().allMatch(Character::isDigit)) {
                    steps.add(Integer.parseInt(index.text()));
                } else {
                    throw error(index, "expected an array index (0, 1, ...) or a quoted property name, found " + index.describe());
                }
                expect("]", "to close the '[' at " + where(open));
            } else {
                return steps;
            }
        }
    }

    private ArrayNode array(ConditionToken open) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        if (accept("]")) {
            return array;
        }
        do {
            Expression element = unary();
            if (!(element instanceof Constant constant)) {
                throw error(tokens.get(position - 1), "an array holds constants only");
            }
            JsonNode value = constant.value();
            array.add(value == null ? NullNode.getInstance() : value);
        } while (accept(","));
        expect("]", "to close the '[' at " + where(open));
        return array;
    }

    private JsonNode number(ConditionToken token) {
        String digits = token.text();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            try {
                return LongNode.valueOf(Long.parseLong(digits.substring(2), 16));
            } catch (NumberFormatException e) {
                throw error(token, "the hexadecimal number " + digits + " is too large");
            }
        }
        return DoubleNode.valueOf(Double.parseDouble(digits));
    }

    private ConditionToken peek() {
        return tokens.get(position);
    }

    private ConditionToken peekAfter() {
        return tokens.get(Math.min(position + 1, tokens.size() - 1));
    }

    private ConditionToken next() {
        ConditionToken token = tokens.get(position);
        if (token.kind() != ConditionToken.Kind.END) {
            position++;
        }
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String symbol, String why) {
        ConditionToken token = peek();
        if (!accept(symbol)) {
            throw error(token, "expected '" + symbol + "' " + why + ", found " + token.describe());
        }
    }

    private String where(ConditionToken token) {
        ConditionSyntaxException at = new ConditionSyntaxException(text, token.offset(), "");
        return "line " + at.line() + ", column " + at.column();
    }

    private ConditionSyntaxException error(ConditionToken token, String message) {
        return new ConditionSyntaxException(text, token.offset(), message);
    }
}
