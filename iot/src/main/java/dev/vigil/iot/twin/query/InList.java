package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code field IN [v, ...]}, or {@code NIN} when {@code negated}: equality with any of the values, as {@code =} compares. */
record InList(FieldPath field, List<Literal> values, boolean negated) implements Condition {
    InList {
        values = List.copyOf(values);
    }

    @Override
    public Boolean test(JsonNode document) {
        JsonNode value = field.valueIn(document);
        if (value.isMissingNode()) {
            return null;
        }
        boolean found = values.stream().anyMatch(v -> Boolean.TRUE.equals(new Comparison(field, ComparisonOperator.EQUAL, v).test(document)));
        return found != negated;
    }
}
