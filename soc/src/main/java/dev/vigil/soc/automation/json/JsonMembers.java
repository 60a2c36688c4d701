package dev.vigil.soc.automation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vigil.soc.automation.InvalidAutomationRuleException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The members of one JSON object of a rule body, read with the JSON path of each, so that a wrong
 * value is refused naming where it is ({@code properties.actions[1].actionConfiguration.severity}).
 * Members it does not know are refused too: a misspelt name would otherwise be dropped silently.
 */
final class JsonMembers {
    private final JsonNode node;
    private final String path;

    private JsonMembers(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The object at {@code path}, which must be one and may hold only the {@code known} members. */
    static JsonMembers of(JsonNode node, String path, Set<String> known) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidAutomationRuleException(path.isEmpty() ? "body" : path, "is required");
        }
        if (!node.isObject()) {
            throw new InvalidAutomationRuleException(path.isEmpty() ? "body" : path, "must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidAutomationRuleException(join(path, name), "is not a member of " + (path.isEmpty() ? "the body" : path)
                        + "; its members are " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return new JsonMembers(node, path);
    }

    String path() {
        return path;
    }

    String path(String member) {
        return join(path, member);
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    JsonNode raw(String member) {
        JsonNode value = node.get(member);
        return value == null ? MissingNode.getInstance() : value;
    }

    JsonMembers object(String member, Set<String> known) {
        return of(node.get(member), path(member), known);
    }

    String requiredText(String member, int maxLength) {
        String text = text(member).orElseThrow(() -> new InvalidAutomationRuleException(path(member), "is required"));
        if (text.isBlank()) {
            throw new InvalidAutomationRuleException(path(member), "must not be empty");
        }
        if (text.length() > maxLength) {
            throw new InvalidAutomationRuleException(path(member), "is longer than " + maxLength + " characters");
        }
        return text.strip();
    }

    Optional<String> text(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidAutomationRuleException(path(member), "must be a string");
        }
        return Optional.of(value.asText());
    }

    boolean requiredBoolean(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw new InvalidAutomationRuleException(path(member), "is required (true or false)");
        }
        if (!value.isBoolean()) {
            throw new InvalidAutomationRuleException(path(member), "must be true or false");
        }
        return value.booleanValue();
    }

    int requiredInteger(String member, int min, int max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw new InvalidAutomationRuleException(path(member), "is required (a whole number from " + min + " to " + max + ")");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new InvalidAutomationRuleException(path(member), "must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    Optional<Instant> instant(String member) {
        return text(member).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidAutomationRuleException(path(member), "must be an ISO 8601 UTC time such as 2027-01-31T00:00:00Z, was '" + text + "'");
            }
        });
    }

    /** One of the enum's constants, spelt exactly as Sentinel does. */
    <E extends Enum<E>> E requiredEnum(String member, Class<E> type) {
        return enumValue(member, type).orElseThrow(() -> new InvalidAutomationRuleException(path(member), "is required (one of " + names(type) + ")"));
    }

    <E extends Enum<E>> Optional<E> enumValue(String member, Class<E> type) {
        return text(member).map(text -> Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidAutomationRuleException(path(member), "'" + text + "' is not one of " + names(type))));
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    /** The array's items, at most {@code max}; absent reads as empty unless {@code required}. */
    List<JsonNode> array(String member, boolean required, int max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidAutomationRuleException(path(member), "is required (a JSON array)");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidAutomationRuleException(path(member), "must be a JSON array");
        }
        if (value.size() > max) {
            throw new InvalidAutomationRuleException(path(member), "has " + value.size() + " items; at most " + max + " are allowed");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** An array of non-empty strings. */
    List<String> texts(String member, boolean required, int max) {
        List<JsonNode> items = array(member, required, max);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isTextual() || item.asText().isEmpty()) {
                throw new InvalidAutomationRuleException(path(member) + "[" + i + "]", "must be a non-empty string");
            }
            texts.add(item.asText());
        }
        if (required && texts.isEmpty()) {
            throw new InvalidAutomationRuleException(path(member), "needs at least one value");
        }
        return texts;
    }
}
