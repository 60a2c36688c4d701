package dev.vigil.kql.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema {@code buildschema} makes of dynamic values: the smallest schema that admits them all. A value's
 * schema is its type ({@code long}, {@code double}, {@code string}, {@code bool}), a bag of its keys' schemas, or
 * for an array {@code {"`indexer`": schema of the elements}}. Several kinds at one place make an array of them,
 * in the order they were first seen; bags merge key by key, arrays element by element. Nulls add nothing.
 */
final class DynamicSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INDEXER = "`indexer`";

    /** The kinds seen at one place, in first-seen order: a type name, or "{}" for bags, or "[]" for arrays. */
    private final List<String> kinds = new ArrayList<>();
    private final Map<String, DynamicSchema> keys = new LinkedHashMap<>();
    private DynamicSchema elements;

    private DynamicSchema() {
    }

    /** The schema of the values of a JSON array (the aggregated column), as JSON text; null when there is nothing. */
    static String of(String values) {
        JsonNode array;
        try {
            array = JSON.readTree(values);
        } catch (JsonProcessingException e) {
            return null;
        }
        DynamicSchema schema = new DynamicSchema();
        if (array != null && array.isArray()) {
            for (JsonNode value : array) {
                JsonNode parsed = value;
                if (value.isTextual()) {
                    // a dynamic value may reach the aggregate as its JSON text
                    try {
                        parsed = JSON.readTree(value.asText());
                    } catch (JsonProcessingException e) {
                        parsed = value;
                    }
                }
                schema.add(parsed);
            }
        }
        JsonNode written = schema.write();
        return written == null ? null : written.toString();
    }

    private void add(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            kind("{}");
            value.fields().forEachRemaining(field -> keys.computeIfAbsent(field.getKey(), k -> new DynamicSchema()).add(field.getValue()));
        } else if (value.isArray()) {
            kind("[]");
            if (elements == null) {
                elements = new DynamicSchema();
            }
            value.forEach(elements::add);
        } else if (value.isIntegralNumber()) {
            kind("long");
        } else if (value.isNumber()) {
            kind("double");
        } else if (value.isBoolean()) {
            kind("bool");
        } else {
            kind("string");
        }
    }

    private void kind(String kind) {
        if (!kinds.contains(kind)) {
            kinds.add(kind);
        }
    }

    private JsonNode write() {
        List<JsonNode> alternatives = new ArrayList<>();
        for (String kind : kinds) {
            if (kind.equals("{}")) {
                ObjectNode bag = NODES.objectNode();
                keys.forEach((key, schema) -> {
                    JsonNode written = schema.write();
                    if (written != null) {
                        bag.set(key, written);
                    }
                });
                alternatives.add(bag);
            } else if (kind.equals("[]")) {
                ObjectNode indexer = NODES.objectNode();
                JsonNode written = elements.write();
                if (written != null) {
                    indexer.set(INDEXER, written);
                }
                alternatives.add(indexer);
            } else {
                alternatives.add(NODES.textNode(kind));
            }
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        if (alternatives.size() == 1) {
            return alternatives.get(0);
        }
        ArrayNode array = NODES.arrayNode();
        alternatives.forEach(array::add);
        return array;
    }
}
