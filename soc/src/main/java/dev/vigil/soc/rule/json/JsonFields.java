package dev.vigil.soc.rule.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.rule.InvalidAlertRuleException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the members of one JSON object, naming the offending member by its path when a value is wrong. */
final class JsonFields {
    private final JsonNode node;
    private final String path;

    JsonFields(JsonNode node, String path) {
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
            throw new InvalidAlertRuleException(path, "must be a JSON object");
        }
        this.node = node == null || node.isNull() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
        this.path = path;
    }

    String path(String member) {
        return path + "." + member;
    }

    boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    JsonFields object(String member) {
        return new JsonFields(node.get(member), path(member));
    }

    String requiredText(String member) {
        return text(member).filter(t -> !t.isBlank())
                .orElseThrow(() -> new InvalidAlertRuleException(path(member), "is required"));
    }

    Optional<String> text(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidAlertRuleException(path(member), "must be a string");
        }
        return Optional.of(value.asText());
    }

    boolean bool(String member, boolean absent) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new InvalidAlertRuleException(path(member), "must be true or false");
        }
        return value.booleanValue();
    }

    int integer(String member, int min, int max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw new InvalidAlertRuleException(path(member), "is required");
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < min || value.intValue() > max) {
            throw new InvalidAlertRuleException(path(member), "must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }

    /** An ISO 8601 duration such as {@code PT5M} or {@code P1D} within the bounds. */
    Duration duration(String member, Optional<Duration> absent, Duration min, Duration max) {
        Optional<String> text = text(member);
        if (text.isEmpty()) {
            return absent.orElseThrow(() -> new InvalidAlertRuleException(path(member), "is required (an ISO 8601 duration such as PT5M or P1D)"));
        }
        Duration duration;
        try {
            duration = Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new InvalidAlertRuleException(path(member), "'" + text.get() + "' is not an ISO 8601 duration such as PT5M, PT1H or P1D");
        }
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            throw new InvalidAlertRuleException(path(member), "must be from " + min + " to " + max + ", not " + text.get());
        }
        return duration;
    }

    <E extends Enum<E>> E enumValue(String member, Class<E> type, Optional<E> absent) {
        Optional<String> text = text(member);
        if (text.isEmpty()) {
            return absent.orElseThrow(() -> new InvalidAlertRuleException(path(member), "is required (one of " + names(type) + ")"));
        }
        return parseEnum(path(member), text.get(), type);
    }

    static <E extends Enum<E>> E parseEnum(String path, String text, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidAlertRuleException(path, "'" + text + "' is not one of " + names(type)));
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    List<String> strings(String member) {
        List<String> result = new ArrayList<>();
        for (JsonNode item : array(member)) {
            if (!item.isTextual()) {
                throw new InvalidAlertRuleException(path(member), "must be an array of strings");
            }
            result.add(item.asText());
        }
        return result;
    }

    List<JsonNode> array(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidAlertRuleException(path(member), "must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** An object whose members all have string values, in the order given. */
    Map<String, String> stringMap(String member) {
        JsonNode value = node.get(member);
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return result;
        }
        if (!value.isObject()) {
            throw new InvalidAlertRuleException(path(member), "must be an object of names to column names");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new InvalidAlertRuleException(path(member) + "." + entry.getKey(), "must be a column name (a string)");
            }
            result.put(entry.getKey(), entry.getValue().asText());
        }
        return result;
    }
}
