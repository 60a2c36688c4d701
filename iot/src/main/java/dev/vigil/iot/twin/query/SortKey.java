package dev.vigil.iot.twin.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/**
 * One key of {@code ORDER BY}: a field, ascending unless {@code DESC}. Values of different types order
 * as Cosmos DB's do: missing, then null, booleans (false first), numbers, strings (by character),
 * arrays, objects.
 */
record SortKey(FieldPath path, boolean descending) {

    Comparator<JsonNode> comparator() {
        Comparator<JsonNode> ascending = Comparator.comparingInt(SortKey::typeRank).thenComparing(SortKey::sameType);
        Comparator<JsonNode> byValue = descending ? ascending.reversed() : ascending;
        return (left, right) -> byValue.compare(path.valueIn(left), path.valueIn(right));
    }

    private static int typeRank(JsonNode value) {
        if (value.isMissingNode()) {
            return 0;
        }
        if (value.isNull()) {
            return 1;
        }
        if (value.isBoolean()) {
            return 2;
        }
        if (value.isNumber()) {
            return 3;
        }
        if (value.isTextual()) {
            return 4;
        }
        return value.isArray() ? 5 : 6;
    }

    /** Two values of one type rank (compared by {@link #typeRank} first). */
    private static int sameType(JsonNode left, JsonNode right) {
        Integer order = Comparison.order(left, right);
        return order != null ? order : left.toString().compareTo(right.toString());
    }
}
