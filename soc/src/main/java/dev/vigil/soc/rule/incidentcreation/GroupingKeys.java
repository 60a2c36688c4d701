package dev.vigil.soc.rule.incidentcreation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.rule.EntityType;
import dev.vigil.soc.rule.GroupingConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The key on which a rule groups its alerts into incidents: alerts with equal keys join the same
 * incident. What goes into the key follows the rule's matching method.
 */
final class GroupingKeys {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupingKeys() {
    }

    static String of(GroupingConfiguration grouping, Map<String, Object> alert) {
        List<String> parts = new ArrayList<>();
        switch (grouping.matchingMethod()) {
            case AnyAlert -> parts.add("any alert");
            case AllEntities -> parts.addAll(entities(alert, null));
            case Selected -> {
                List<String> types = grouping.groupByEntities().stream()
                        .map(name -> EntityType.named(name).map(EntityType::entityJsonType).orElse(name)).toList();
                parts.addAll(entities(alert, types));
                for (String detail : grouping.groupByAlertDetails()) {
                    parts.add(detail + "=" + text(alert.get(detail.equals("Severity") ? "AlertSeverity" : "DisplayName")));
                }
                JsonNode details = customDetails(alert);
                for (String detail : grouping.groupByCustomDetails()) {
                    parts.add("detail " + detail + "=" + details.path(detail));
                }
            }
        }
        return sha256(String.join("\n", parts));
    }

    /** The alert's entities without their per-alert {@code $id}, each as canonical JSON, sorted; only those of the given types if any. */
    private static TreeSet<String> entities(Map<String, Object> alert, List<String> types) {
        TreeSet<String> entities = new TreeSet<>();
        for (JsonNode entity : parse(text(alert.get("Entities")))) {
            if (!entity.isObject() || (types != null && !types.contains(entity.path("Type").asText()))) {
                continue;
            }
            ObjectNode copy = ((ObjectNode) entity).deepCopy();
            copy.remove("$id");
            TreeSet<String> fields = new TreeSet<>();
            copy.properties().forEach(field -> fields.add(field.getKey() + "=" + field.getValue()));
            entities.add(String.join(",", fields));
        }
        return entities;
    }

    private static JsonNode customDetails(Map<String, Object> alert) {
        JsonNode extended = parse(text(alert.get("ExtendedProperties")));
        JsonNode details = extended.path("Custom Details");
        return details.isTextual() ? parse(details.asText()) : details;
    }

    private static JsonNode parse(String json) {
        if (json.isBlank()) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.createArrayNode();
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
