package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;

/** A string, number, boolean or null written in the query. */
record Literal(JsonNode value) implements Operand {
    @Override
    public JsonNode valueIn(JsonNode document) {
        return value;
    }
}
