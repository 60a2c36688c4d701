package dev.vigil.soc.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.playbook.expression.Template;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** A JSON value (an HTTP body, a device message) whose text leaves are templates. */
public record TemplateTree(JsonNode node, String path) {
    public TemplateTree {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(path, "path");
    }

    /** The templates of the text leaves, in document order; parsing refuses a bad one at its path. */
    public List<Template> templates() {
        List<Template> found = new ArrayList<>();
        collect(node, path, found);
        return found;
    }

    private static void collect(JsonNode node, String path, List<Template> found) {
        if (node.isTextual()) {
            found.add(Template.parse(node.textValue(), path));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path + "." + field.getKey(), found);
            }
        }
    }

    /** The tree with every text leaf replaced by its template's value. */
    public JsonNode render(Function<Template, JsonNode> value) {
        return render(node, path, value);
    }

    private static JsonNode render(JsonNode node, String path, Function<Template, JsonNode> value) {
        if (node.isTextual()) {
            return value.apply(Template.parse(node.textValue(), path));
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                array.add(render(node.get(i), path + "[" + i + "]", value));
            }
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                object.set(field.getKey(), render(field.getValue(), path + "." + field.getKey(), value));
            }
            return object;
        }
        return node;
    }
}
