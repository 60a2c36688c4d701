package dev.vigil.iot.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates security messages against schema 1.0 and turns them into {@link SecurityMessage}s.
 * The first broken rule is reported as {@link InvalidSecurityMessageException} with its JSON path.
 */
public final class SecurityMessageValidator {
    public static final String SCHEMA_VERSION = "1.0";

    private static final Set<String> ROOT_FIELDS = Set.of("AgentVersion", "AgentId", "MessageSchemaVersion", "Events");
    private static final List<String> EVENT_FIELDS = List.of("Id", "TimestampLocal", "TimestampUTC", "Category", "Name", "EventType",
            "IsEmpty", "PayloadSchemaVersion", "Payload");
    private static final List<String> CATEGORIES = List.of("Periodic", "Triggered", "Aggregated");
    private static final List<String> EVENT_TYPES = List.of("Security", "Operational", "Diagnostic");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ObjectMapper json = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    public SecurityMessage validate(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidSecurityMessageException("$", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidSecurityMessageException("$", "unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSecurityMessageException("$", "must be an object");
        }
        if (holdsLoneSurrogate(root)) {
            requireUnicodeText(root, "$");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!ROOT_FIELDS.contains(name)) {
                throw new InvalidSecurityMessageException("$." + name, "not allowed: the root holds only " + List.copyOf(new java.util.TreeSet<>(ROOT_FIELDS)));
            }
        }
        String agentVersion = text(root, "$", "AgentVersion");
        String agentId = guid(root, "$", "AgentId");
        constant(root, "$", "MessageSchemaVersion", SCHEMA_VERSION);
        JsonNode events = present(root, "$", "Events");
        if (!events.isArray()) {
            throw new InvalidSecurityMessageException("$.Events", "must be an array");
        }
        if (events.isEmpty()) {
            throw new InvalidSecurityMessageException("$.Events", "must have at least 1 item");
        }
        List<SecurityEvent> parsed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            parsed.add(event(events.get(i), "$.Events[" + i + "]"));
        }
        return new SecurityMessage(agentVersion, agentId, SCHEMA_VERSION, parsed);
    }

    /**
     * Whether any text of the tree holds a lone surrogate. Nearly no message does, so this walk
     * builds no paths; {@link #requireUnicodeText} finds the one to report. Field names need no
     * check: the JSON parser already refuses a lone surrogate in one.
     */
    private static boolean holdsLoneSurrogate(JsonNode node) {
        if (node.isTextual()) {
            return loneSurrogateAt(node.textValue()) >= 0;
        }
        for (JsonNode child : node) {
            if (holdsLoneSurrogate(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lone surrogate ({@code "\ud800"} without its pair) is not Unicode text: the workspace
     * would refuse the raw event, or later the alert made from it, after the device was told
     * yes. Refusing the message here keeps the refusal where the device can see it.
     */
    private static void requireUnicodeText(JsonNode node, String path) {
        if (node.isTextual()) {
            int lone = loneSurrogateAt(node.textValue());
            if (lone >= 0) {
                throw new InvalidSecurityMessageException(path, String.format(java.util.Locale.ROOT,
                        "holds a lone surrogate \\u%04X at character %d, which is not Unicode text", (int) node.textValue().charAt(lone), lone + 1));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireUnicodeText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                requireUnicodeText(field.getValue(), path + "." + field.getKey());
            }
        }
    }

    /** The index of the first surrogate that is not part of a pair, or -1. */
    private static int loneSurrogateAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    private SecurityEvent event(JsonNode event, String path) {
        if (!event.isObject()) {
            throw new InvalidSecurityMessageException(path, "must be an object");
        }
        for (String field : EVENT_FIELDS) {
            present(event, path, field);
        }
        String id = guid(event, path, "Id");
        String local = text(event, path, "TimestampLocal");
        dateTime(local, path + ".TimestampLocal");
        Instant utc = dateTime(text(event, path, "TimestampUTC"), path + ".TimestampUTC");
        String category = oneOf(event, path, "Category", CATEGORIES);
        String name = oneOf(event, path, "Name", EventSchemas.eventNames());
        String eventType = oneOf(event, path, "EventType", EVENT_TYPES);
        JsonNode isEmptyNode = event.get("IsEmpty");
        if (!isEmptyNode.isBoolean()) {
            throw new InvalidSecurityMessageException(path + ".IsEmpty", "must be a boolean");
        }
        boolean isEmpty = isEmptyNode.booleanValue();
        constant(event, path, "PayloadSchemaVersion", SCHEMA_VERSION);
        JsonNode payload = event.get("Payload");
        if (!payload.isArray()) {
            throw new InvalidSecurityMessageException(path + ".Payload", "must be an array");
        }
        if (category.equals("Triggered") && isEmpty) {
            throw new InvalidSecurityMessageException(path + ".IsEmpty", "must be false for a Triggered event");
        }
        if (category.equals("Triggered") && payload.isEmpty()) {
            throw new InvalidSecurityMessageException(path + ".Payload", "must have at least 1 item for a Triggered event");
        }
        if (isEmpty && !payload.isEmpty()) {
            throw new InvalidSecurityMessageException(path + ".Payload", "must be empty when IsEmpty is true");
        }
        List<PayloadField> fields = EventSchemas.payloadOf(name).orElseThrow();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < payload.size(); i++) {
            items.add(payloadItem(payload.get(i), path + ".Payload[" + i + "]", name, fields));
        }
        return new SecurityEvent(id, local, utc, category, name, eventType, isEmpty, SCHEMA_VERSION, items);
    }

    private Map<String, Object> payloadItem(JsonNode item, String path, String eventName, List<PayloadField> fields) {
        if (!item.isObject()) {
            throw new InvalidSecurityMessageException(path, "must be an object");
        }
        for (PayloadField field : fields) {
            JsonNode value = item.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    throw new InvalidSecurityMessageException(path + "." + field.name(), "required");
                }
                continue;
            }
            if (!field.type().accepts(value)) {
                throw new InvalidSecurityMessageException(path + "." + field.name(), field.type().rule());
            }
            if (!field.allowedValues().isEmpty() && !field.allowedValues().contains(value.asText())) {
                throw new InvalidSecurityMessageException(path + "." + field.name(), "must be one of " + field.allowedValues());
            }
        }
        JsonNode extra = item.get("ExtraDetails");
        if (extra != null && !extra.isNull() && !FieldType.STRING_MAP.accepts(extra)) {
            throw new InvalidSecurityMessageException(path + ".ExtraDetails", FieldType.STRING_MAP.rule());
        }
        if (eventName.equals("Login") && absent(item, "UserId") && absent(item, "UserName")) {
            throw new InvalidSecurityMessageException(path + ".UserName", "required when UserId is absent");
        }
        return PlainValues.object(item);
    }

    private static boolean absent(JsonNode item, String field) {
        return item.get(field) == null || item.get(field).isNull();
    }

    private static JsonNode present(JsonNode parent, String path, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidSecurityMessageException(path + "." + field, "required");
        }
        return value;
    }

    private static String text(JsonNode parent, String path, String field) {
        JsonNode value = present(parent, path, field);
        if (!value.isTextual()) {
            throw new InvalidSecurityMessageException(path + "." + field, "must be a string");
        }
        return value.asText();
    }

    private static String guid(JsonNode parent, String path, String field) {
        String value = text(parent, path, field);
        if (!GUID.matcher(value).matches()) {
            throw new InvalidSecurityMessageException(path + "." + field, "must be a GUID (36 characters, 8-4-4-4-12 hex digits)");
        }
        return value;
    }

    private static void constant(JsonNode parent, String path, String field, String expected) {
        if (!text(parent, path, field).equals(expected)) {
            throw new InvalidSecurityMessageException(path + "." + field, "must be \"" + expected + "\"");
        }
    }

    private static String oneOf(JsonNode parent, String path, String field, List<String> allowed) {
        String value = text(parent, path, field);
        if (!allowed.contains(value)) {
            throw new InvalidSecurityMessageException(path + "." + field, "must be one of " + allowed);
        }
        return value;
    }

    /** ISO 8601 with a zone; the agents' own samples also separate date and time by a space. */
    private static Instant dateTime(String value, String path) {
        try {
            return OffsetDateTime.parse(value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) + "T" + value.substring(11) : value)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidSecurityMessageException(path, "must be a date-time with a zone, e.g. 2018-08-10T11:01:21.000Z");
        }
    }
}
