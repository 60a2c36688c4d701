package dev.vigil.soc.playbook.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The members of one object of a playbook document, read with the path of each so that a wrong
 * value is refused naming where it is. Unknown members are refused: a misspelt name would
 * otherwise be dropped silently.
 */
final class Members {
    private final JsonNode node;
    private final String path;

    private Members(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static Members of(JsonNode node, String path, Set<String> known) {
        String where = path.isEmpty() ? "playbook" : path;
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidPlaybookException(where, "is required");
        }
        if (!node.isObject()) {
            throw new InvalidPlaybookException(where, "must be an object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidPlaybookException(join(path, name), "is not a member of " + where + "; its members are "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return new Members(node, path);
    }

    String path() {
        return path;
    }

    String path(String member) {
        return join(path, member);
    }

    static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    boolean has(String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    JsonNode node(String member) {
        return node.get(member);
    }

    Optional<String> text(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBinary()) {
            throw new InvalidPlaybookException(path(member), "must be text");
        }
        return Optional.of(value.asText());
    }

    String requiredText(String member) {
        String text = text(member).orElseThrow(() -> new InvalidPlaybookException(path(member), "is required"));
        if (text.isBlank()) {
            throw new InvalidPlaybookException(path(member), "must not be empty");
        }
        return text;
    }

    Optional<Integer> integer(String member, int least, int most) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.canConvertToInt() || !(value.isIntegralNumber() || value.isTextual() && value.asText().matches("-?\\d+"))) {
            throw new InvalidPlaybookException(path(member), "must be a whole number from " + least + " to " + most);
        }
        int number = value.isTextual() ? Integer.parseInt(value.asText()) : value.intValue();
        if (number < least || number > most) {
            throw new InvalidPlaybookException(path(member), "must be from " + least + " to " + most + ", was " + number);
        }
        return Optional.of(number);
    }

    Optional<Boolean> bool(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw new InvalidPlaybookException(path(member), "must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    Optional<Duration> duration(String member, Duration least, Duration most) {
        Optional<String> text = text(member);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Duration duration;
        try {
            duration = Duration.parse(text.get());
        } catch (DateTimeParseException e) {
            throw new InvalidPlaybookException(path(member), "'" + text.get() + "' is not an ISO 8601 duration such as PT30S or PT5M");
        }
        if (duration.compareTo(least) < 0 || duration.compareTo(most) > 0) {
            throw new InvalidPlaybookException(path(member), "must be from " + least + " to " + most + ", was " + duration);
        }
        return Optional.of(duration);
    }

    /** An array member; {@code required} refuses a missing or empty one. */
    List<JsonNode> array(String member, boolean required, int most) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidPlaybookException(path(member), "is required");
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidPlaybookException(path(member), "must be a list");
        }
        if (required && value.isEmpty()) {
            throw new InvalidPlaybookException(path(member), "must not be empty");
        }
        if (value.size() > most) {
            throw new InvalidPlaybookException(path(member), "has at most " + most + " items, has " + value.size());
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** An object member as its fields in order, values as they are. */
    Map<String, JsonNode> fields(String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidPlaybookException(path(member), "must be an object of names and values");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        value.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }
}
