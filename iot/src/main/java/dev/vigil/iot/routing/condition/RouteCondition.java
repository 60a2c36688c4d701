package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * A route's condition in IoT Hub's routing query language, compiled once when the route is saved
 * ({@link ConditionSyntaxException} with the position otherwise). A message is routed only when the
 * condition is {@code true}: false, null, undefined and any other value do not route.
 */
public final class RouteCondition {
    private final String text;
    private final Expression expression;

    private RouteCondition(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
    }

    /** A blank condition is {@code true}, as IoT Hub takes a route without one. */
    public static RouteCondition compile(String text) {
        if (text == null || text.isBlank()) {
            return new RouteCondition("true", new Constant(BooleanNode.TRUE));
        }
        return new RouteCondition(text, ConditionParser.parse(text));
    }

    public String text() {
        return text;
    }

    public boolean matches(ConditionInput input) {
        JsonNode value = expression.evaluate(input);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** What the condition evaluates to: a JSON value, or empty for undefined (what IoT Hub's route test answers as "undefined"). */
    public java.util.Optional<JsonNode> evaluate(ConditionInput input) {
        return java.util.Optional.ofNullable(expression.evaluate(input));
    }
}
