package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code left op right}: numbers compare as numbers, strings by their characters (case counts), booleans false before true; other pairs are undefined. */
record Comparison(Operand left, ComparisonOperator operator, Operand right) implements Condition {
    @Override
    public Boolean test(JsonNode document) {
        JsonNode l = left.valueIn(document);
        JsonNode r = right.valueIn(document);
        if (l.isMissingNode() || r.isMissingNode()) {
            return null;
        }
        Integer order = order(l, r);
        if (order == null) {
            // objects, arrays and null only compare for equality
            return operator.isEquality() && l.getNodeType() == r.getNodeType() ? operator.accepts(l.equals(r) ? 0 : 1) : null;
        }
        return operator.accepts(order);
    }

    /** The order of two values of one ordered type, or null. */
    static Integer order(JsonNode l, JsonNode r) {
        if (l.isNumber() && r.isNumber()) {
            return l.decimalValue().compareTo(r.decimalValue());
        }
        if (l.isTextual() && r.isTextual()) {
            return l.textValue().compareTo(r.textValue());
        }
        if (l.isBoolean() && r.isBoolean()) {
            return Boolean.compare(l.booleanValue(), r.booleanValue());
        }
        return null;
    }
}
