package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;

/** A literal: a number, string, {@code true}, {@code false}, {@code null}, an array of those, or {@code undefined} ({@code value} null). */
record Constant(JsonNode value) implements Expression {

    @Override
    public JsonNode evaluate(ConditionInput input) {
        return value;
    }
}
