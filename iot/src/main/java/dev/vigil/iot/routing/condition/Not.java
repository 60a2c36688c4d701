package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;

/** {@code NOT x}: a Boolean's negation; anything else is undefined, so {@code NOT} of a missing property is not true. */
record Not(Expression operand) implements Expression {

    @Override
    public JsonNode evaluate(ConditionInput input) {
        JsonNode value = operand.evaluate(input);
        return value != null && value.isBoolean() ? BooleanNode.valueOf(!value.booleanValue()) : null;
    }
}
