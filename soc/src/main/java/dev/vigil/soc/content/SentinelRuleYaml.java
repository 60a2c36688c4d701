package dev.vigil.soc.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.AlertRuleKind;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentinel's analytic rule YAML, as published in its content repository, turned into the body of
 * an {@code alertRules} resource, so that the API's own reading ({@code AlertRuleJson}) checks it
 * exactly as it checks a rule sent to the API.
 */
final class SentinelRuleYaml {
    /** Fields that describe the rule for people or catalogues and change nothing in how it runs. */
    private static final Set<String> DESCRIPTIVE = Set.of("status", "tags", "metadata", "requiredDataConnectors", "version", "kind");
    /** Fields taken over as they are: Sentinel's YAML and the ARM resource name them alike. */
    private static final Set<String> SAME_IN_ARM = Set.of("severity", "query", "tactics", "entityMappings", "customDetails",
            "alertDetailsOverride", "eventGroupingSettings", "suppressionEnabled", "sentinelEntitiesMappings");
    private static final Set<String> CONVERTED = Set.of("id", "name", "description", "queryFrequency", "queryPeriod", "triggerOperator",
            "triggerThreshold", "relevantTechniques", "incidentConfiguration", "suppressionDuration");
    private static final Map<String, String> TRIGGER_OPERATORS = Map.of("gt", "GreaterThan", "lt", "LessThan", "eq", "Equal", "ne", "NotEqual");
    private static final Pattern KUSTO_TIMESPAN = Pattern.compile("(\\d{1,6})\\s*([smhd])");

    private SentinelRuleYaml() {
    }

    /** The rule's id, as far as the file names it, for answers about a file refused before it is read whole. */
    static Optional<String> id(JsonNode tree) {
        return Optional.ofNullable(tree.get("id")).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    static Optional<String> name(JsonNode tree) {
        return Optional.ofNullable(tree.get("name")).filter(JsonNode::isValueNode).map(JsonNode::asText);
    }

    /** The rule of a YAML file, disabled or enabled as asked; throws {@link ContentRefusedException}. */
    static RuleDocument read(JsonNode tree, boolean enabled) {
        for (Iterator<String> fields = tree.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!DESCRIPTIVE.contains(field) && !SAME_IN_ARM.contains(field) && !CONVERTED.contains(field)) {
                throw new ContentRefusedException(RefusalReason.UnsupportedField, "the field '" + field + "' is not supported;"
                        + " a rule file may hold " + String.join(", ", supported()));
            }
        }
        String id = id(tree).filter(t -> !t.isBlank())
                .orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue, "id: is required (the rule's GUID)"));
        AlertRuleKind kind = kind(tree);
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        properties.set("displayName", tree.get("name"));
        properties.put("description", text(tree, "description").map(SentinelRuleYaml::description).orElse(""));
        properties.put("enabled", enabled);
        for (String field : SAME_IN_ARM) {
            if (tree.hasNonNull(field)) {
                properties.set(field, tree.get(field));
            }
        }
        if (tree.path("alertDetailsOverride").has("alertDynamicProperties")) {
            throw new ContentRefusedException(RefusalReason.UnsupportedField,
                    "alertDetailsOverride.alertDynamicProperties is not supported: Vigil does not override alert properties from columns");
        }
        if (tree.hasNonNull("relevantTechniques")) {
            properties.set("techniques", tree.get("relevantTechniques"));
        }
        if (kind == AlertRuleKind.SCHEDULED) {
            properties.put("queryFrequency", duration(tree, "queryFrequency"));
            properties.put("queryPeriod", duration(tree, "queryPeriod"));
            properties.put("triggerOperator", triggerOperator(tree));
            properties.set("triggerThreshold", tree.get("triggerThreshold"));
        }
        if (tree.hasNonNull("suppressionDuration")) {
            properties.put("suppressionDuration", duration(tree, "suppressionDuration"));
        }
        if (tree.hasNonNull("incidentConfiguration")) {
            properties.set("incidentConfiguration", incidentConfiguration(tree.get("incidentConfiguration")));
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("kind", kind.armName());
        body.set("properties", properties);
        return new RuleDocument(id, text(tree, "version"), ArmRuleBody.read(body, SentinelRuleYaml::yamlField));
    }

    /** The YAML field an ARM property path came from, for messages about the file as its author wrote it. */
    private static String yamlField(String property) {
        String field = property.startsWith("properties.") ? property.substring("properties.".length()) : property;
        if (field.startsWith("displayName")) {
            return "name" + field.substring("displayName".length());
        }
        if (field.startsWith("techniques")) {
            return "relevantTechniques" + field.substring("techniques".length());
        }
        return field;
    }

    /** Published descriptions are often a block holding one quoted string: the quotes are not part of the text. */
    static String description(String text) {
        String stripped = text.strip();
        return stripped.length() >= 2 && stripped.startsWith("'") && stripped.endsWith("'") ? stripped.substring(1, stripped.length() - 1) : stripped;
    }

    private static List<String> supported() {
        List<String> all = new ArrayList<>(CONVERTED);
        all.addAll(SAME_IN_ARM);
        all.addAll(DESCRIPTIVE);
        all.sort(String::compareTo);
        return all;
    }

    private static AlertRuleKind kind(JsonNode tree) {
        String kind = text(tree, "kind").orElse("Scheduled");
        Optional<AlertRuleKind> known = AlertRuleKind.fromArmName(kind);
        if (known.isEmpty() || known.get() == AlertRuleKind.MICROSOFT_SECURITY_INCIDENT_CREATION) {
            throw new ContentRefusedException(RefusalReason.UnsupportedField, "kind '" + kind + "' is not supported: Vigil imports"
                    + " Scheduled and NRT rules");
        }
        return known.get();
    }

    /** The field's value as text; empty when it is missing, null, or not a single value. */
    static Optional<String> text(JsonNode tree, String field) {
        JsonNode value = tree.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? Optional.empty() : Optional.of(value.asText());
    }

    /** {@code 5m}, {@code 1h}, {@code 14d} as Sentinel's YAML writes them, or ISO 8601 ({@code PT1H}), as ISO 8601. */
    private static String duration(JsonNode tree, String field) {
        String text = text(tree, field).orElseThrow(() -> new ContentRefusedException(RefusalReason.InvalidValue,
                field + ": is required for a Scheduled rule (e.g. 5m, 1h, 1d)"));
        return duration(field, text);
    }

    private static String duration(String field, String text) {
        Matcher kusto = KUSTO_TIMESPAN.matcher(text.trim());
        if (kusto.matches()) {
            long amount = Long.parseLong(kusto.group(1));
            Duration duration = switch (kusto.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return duration.toString();
        }
        try {
            return Duration.parse(text.trim()).toString();
        } catch (DateTimeParseException e) {
            throw new ContentRefusedException(RefusalReason.InvalidValue, field + ": '" + text + "' is not a timespan such as 5m, 1h, 1d or PT1H");
        }
    }

    private static String triggerOperator(JsonNode tree) {
        String operator = text(tree, "triggerOperator").orElse("gt");
        return TRIGGER_OPERATORS.getOrDefault(operator.toLowerCase(java.util.Locale.ROOT), operator);
    }

    /** The grouping lookback may be written as a Kusto timespan in YAML; the rest is as in ARM. */
    private static JsonNode incidentConfiguration(JsonNode configuration) {
        if (!configuration.isObject() || !configuration.path("groupingConfiguration").isObject()) {
            return configuration;
        }
        ObjectNode copy = configuration.deepCopy();
        ObjectNode grouping = (ObjectNode) copy.get("groupingConfiguration");
        JsonNode lookback = grouping.get("lookbackDuration");
        if (lookback != null && lookback.isTextual()) {
            grouping.put("lookbackDuration", duration("incidentConfiguration.groupingConfiguration.lookbackDuration", lookback.asText()));
        }
        return copy;
    }
}
