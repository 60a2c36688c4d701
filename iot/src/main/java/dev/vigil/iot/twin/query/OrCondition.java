package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;

record OrCondition(Condition left, Condition right) implements Condition {
    @Override
    public Boolean test(JsonNode document) {
        Boolean l = left.test(document);
        if (Boolean.TRUE.equals(l)) {
            return true;
        }
        Boolean r = right.test(document);
        if (Boolean.TRUE.equals(r)) {
            return true;
        }
        return l == null || r == null ? null : false;
    }
}
