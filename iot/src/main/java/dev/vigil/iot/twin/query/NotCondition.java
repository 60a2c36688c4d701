package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;

record NotCondition(Condition operand) implements Condition {
    @Override
    public Boolean test(JsonNode document) {
        Boolean value = operand.test(document);
        return value == null ? null : !value;
    }
}
