package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;

record AndCondition(Condition left, Condition right) implements Condition {
    @Override
    public Boolean test(JsonNode document) {
        Boolean l = left.test(document);
        if (Boolean.FALSE.equals(l)) {
            return false;
        }
        Boolean r = right.test(document);
        if (Boolean.FALSE.equals(r)) {
            return false;
        }
        return l == null || r == null ? null : true;
    }
}
