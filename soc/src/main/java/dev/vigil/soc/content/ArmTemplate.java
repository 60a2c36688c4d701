package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ARM template as Sentinel exports analytic rules ({@code .../alertRules} resources) and
 * workspace functions ({@code .../savedSearches} resources). Other resources (metadata, content
 * packages) are passed over. Template expressions ({@code [parameters('x')]}) are not evaluated:
 * a value that is one is refused.
 */
final class ArmTemplate {
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LAST_SEGMENT = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_.-]*)['\")\\]\\s]*$");

    private ArmTemplate() {
    }

    /** The template's {@code alertRules} resources. */
    static List<JsonNode> ruleResources(JsonNode template) {
        return resources(template, "/alertrules");
    }

    /** The template's {@code savedSearches} resources: saved functions when they have a function alias. */
    static List<JsonNode> functionResources(JsonNode template) {
        return resources(template, "/savedsearches");
    }

    private static List<JsonNode> resources(JsonNode template, String typeSuffix) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode resource : template.path("resources")) {
            if (resource.path("type").asText().toLowerCase(Locale.ROOT).endsWith(typeSuffix)) {
                found.add(resource);
            }
        }
        return found;
    }

    /** A resource's id: the GUID in its name, or the name's last segment. */
    static Optional<String> resourceId(JsonNode resource) {
        String name = resource.path("name").asText("");
        Matcher guid = GUID.matcher(name);
        String lastGuid = null;
        while (guid.find()) {
            lastGuid = guid.group();
        }
        if (lastGuid != null) {
            return Optional.of(lastGuid);
        }
        Matcher last = LAST_SEGMENT.matcher(name.substring(name.lastIndexOf('/') + 1));
        return last.find() ? Optional.of(last.group(1)) : Optional.empty();
    }

    /** The rule of an {@code alertRules} resource, enabled or disabled as asked. */
    static RuleDocument rule(JsonNode resource, boolean enabled) {
        String id = resourceId(resource).orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue,
                "the alertRules resource's name holds no rule id"));
        JsonNode given = resource.path("properties");
        if (!given.isObject()) {
            throw new ContentRefusedException(RefusalReason.InvalidValue, "the alertRules resource '" + id + "' has no properties");
        }
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isNull()) {
                refuseExpression(field.getKey(), field.getValue());
                properties.set(field.getKey(), field.getValue());
            }
        }
        properties.put("enabled", enabled);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("kind", resource.get("kind"));
        body.set("properties", properties);
        Optional<String> version = Optional.ofNullable(given.get("templateVersion")).filter(JsonNode::isTextual).map(JsonNode::asText);
        return new RuleDocument(id, version, ArmRuleBody.read(body, property -> property));
    }

    /** A value the template computes at deployment, which Vigil cannot. */
    static void refuseExpression(String property, JsonNode value) {
        if (value.isTextual() && value.asText().startsWith("[") && value.asText().endsWith("]") && !value.asText().startsWith("[[")) {
            throw new ContentRefusedException(RefusalReason.UnsupportedField, "properties." + property
                    + " is an ARM template expression (" + value.asText() + "); export the rule with its values, or write it as YAML");
        }
    }
}
