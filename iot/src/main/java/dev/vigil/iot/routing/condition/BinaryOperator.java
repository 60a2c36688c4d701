package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;

/**
 * The binary operators of IoT Hub's routing conditions with its three-valued logic: a comparison
 * or arithmetic on an undefined value or on values of different types is undefined (a string
 * property compared with a number too: {@code AS_NUMBER} converts), and only {@code true} routes.
 */
enum BinaryOperator {
    OR("OR", 1),
    AND("AND", 2),
    EQUAL("=", 3),
    NOT_EQUAL("!=", 3),
    LESS("<", 3),
    LESS_OR_EQUAL("<=", 3),
    GREATER(">", 3),
    GREATER_OR_EQUAL(">=", 3),
    ADD("+", 4),
    SUBTRACT("-", 4),
    MULTIPLY("*", 5),
    DIVIDE("/", 5),
    MODULO("%", 5);

    private final String symbol;
    private final int precedence;

    BinaryOperator(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    String symbol() {
        return symbol;
    }

    /** Higher binds tighter: OR, then AND, then comparisons, then + and -, then *, / and %. */
    int precedence() {
        return precedence;
    }

    boolean isComparison() {
        return precedence == 3;
    }

    /** The operator a token stands for, if any; {@code <>} is {@code !=}. */
    static BinaryOperator of(ConditionToken token) {
        if (token.isKeyword("AND")) {
            return AND;
        }
        if (token.isKeyword("OR")) {
            return OR;
        }
        if (token.kind() != ConditionToken.Kind.SYMBOL) {
            return null;
        }
        if (token.text().equals("<>")) {
            return NOT_EQUAL;
        }
        for (BinaryOperator operator : values()) {
            if (operator.symbol.equals(token.text())) {
                return operator;
            }
        }
        return null;
    }

    JsonNode apply(JsonNode left, JsonNode right) {
        return switch (this) {
            case AND -> and(left, right);
            case OR -> or(left, right);
            case EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> compare(left, right);
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> arithmetic(left, right);
        };
    }

    /** Whether {@code left} alone decides the result (false AND x, true OR x), so the right side need not be evaluated. */
    boolean decidedBy(JsonNode left) {
        return left != null && left.isBoolean() && ((this == AND && !left.booleanValue()) || (this == OR && left.booleanValue()));
    }

    private static JsonNode and(JsonNode left, JsonNode right) {
        if (isBoolean(left, false) || isBoolean(right, false)) {
            return BooleanNode.FALSE;
        }
        return isBoolean(left, true) && isBoolean(right, true) ? BooleanNode.TRUE : null;
    }

    private static JsonNode or(JsonNode left, JsonNode right) {
        if (isBoolean(left, true) || isBoolean(right, true)) {
            return BooleanNode.TRUE;
        }
        return isBoolean(left, false) && isBoolean(right, false) ? BooleanNode.FALSE : null;
    }

    private static boolean isBoolean(JsonNode value, boolean expected) {
        return value != null && value.isBoolean() && value.booleanValue() == expected;
    }

    private JsonNode compare(JsonNode left, JsonNode right) {
        if (left == null || right == null) {
            return null;
        }
        Integer order = order(left, right);
        if (order == null) {
            if ((this == EQUAL || this == NOT_EQUAL) && left.isContainerNode() && right.isContainerNode()) {
                return BooleanNode.valueOf(left.equals(right) == (this == EQUAL));
            }
            return null;
        }
        return BooleanNode.valueOf(switch (this) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            default -> order >= 0;
        });
    }

    /** The order of two values of one primitive type (numbers by value, strings by character, false before true); null otherwise. */
    private static Integer order(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            return Double.compare(left.doubleValue(), right.doubleValue());
        }
        if (left.isTextual() && right.isTextual()) {
            return left.textValue().compareTo(right.textValue());
        }
        if (left.isBoolean() && right.isBoolean()) {
            return Boolean.compare(left.booleanValue(), right.booleanValue());
        }
        if (left.isNull() && right.isNull()) {
            return 0;
        }
        return null;
    }

    private JsonNode arithmetic(JsonNode left, JsonNode right) {
        if (left == null || right == null || !left.isNumber() || !right.isNumber()) {
            return null;
        }
        double a = left.doubleValue();
        double b = right.doubleValue();
        double result = switch (this) {
            case ADD -> a + b;
            case SUBTRACT -> a - b;
            case MULTIPLY -> a * b;
            case DIVIDE -> a / b;
            default -> a % b;
        };
        return Double.isFinite(result) ? DoubleNode.valueOf(result) : null;
    }
}
