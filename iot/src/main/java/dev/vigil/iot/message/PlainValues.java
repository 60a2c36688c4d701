package dev.vigil.iot.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON tree as the plain values JSON decodes to (Map, List, String, Number, Boolean,
 * null), the way Jackson's {@code convertValue} would give them, without its token round trip:
 * this runs for every payload item the hub takes.
 */
final class PlainValues {
    private PlainValues() {
    }

    static Map<String, Object> object(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>(node.size() * 2);
        node.fields().forEachRemaining(field -> out.put(field.getKey(), value(field.getValue())));
        return out;
    }

    static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        return null;
    }
}
