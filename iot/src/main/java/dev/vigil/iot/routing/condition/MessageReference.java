package dev.vigil.iot.routing.condition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;

/**
 * A value of the message: {@code $name} (a system property, else an application property named
 * {@code $name}, as IoT Hub looks them up), {@code name} (an application property), or a path
 * into {@code $body} or {@code $twin}. Property values are strings; what a path does not reach is undefined.
 *
 * @param path for the body and the twin: field names ({@link String}) and array indexes ({@link Integer})
 */
record MessageReference(Kind kind, String name, List<Object> path) implements Expression {

    enum Kind {
        SYSTEM_PROPERTY,
        APPLICATION_PROPERTY,
        BODY,
        TWIN
    }

    MessageReference {
        path = List.copyOf(path);
    }

    @Override
    public JsonNode evaluate(ConditionInput input) {
        return switch (kind) {
            case SYSTEM_PROPERTY -> text(input.systemProperty(name).or(() -> input.applicationProperty("$" + name)));
            case APPLICATION_PROPERTY -> text(input.applicationProperty(name));
            // IoT Hub evaluates only properties inside the body: the body as a whole is undefined
            case BODY -> path.isEmpty() ? null : input.body().map(this::follow).orElse(null);
            case TWIN -> path.isEmpty() ? null : input.twin().map(this::follow).orElse(null);
        };
    }

    private static JsonNode text(Optional<String> value) {
        return value.<JsonNode>map(TextNode::valueOf).orElse(null);
    }

    private JsonNode follow(JsonNode root) {
        JsonNode at = root;
        for (Object step : path) {
            if (step instanceof Integer index) {
                at = at.isArray() ? at.get(index) : null;
            } else {
                at = at.isObject() ? at.get((String) step) : null;
            }
            if (at == null || at.isMissingNode()) {
                return null;
            }
        }
        return at;
    }
}
