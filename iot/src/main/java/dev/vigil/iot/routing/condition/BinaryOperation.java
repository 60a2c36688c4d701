package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code left op right}; {@code AND} and {@code OR} skip the right side when the left one decides. */
record BinaryOperation(BinaryOperator operator, Expression left, Expression right) implements Expression {

    @Override
    public JsonNode evaluate(ConditionInput input) {
        JsonNode leftValue = left.evaluate(input);
        if (operator.decidedBy(leftValue)) {
            return leftValue;
        }
        return operator.apply(leftValue, right.evaluate(input));
    }
}
