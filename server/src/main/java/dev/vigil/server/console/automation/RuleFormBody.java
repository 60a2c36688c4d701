package dev.vigil.server.console.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The automation rule form as the API's rule body. Each field of the form is named by the JSON
 * path of the value it sets ({@code properties.triggeringLogic.conditions[0].conditionProperties.operator}),
 * so that the path a refused save names is the field to show the refusal beside. What the form
 * cannot say as the API does is translated here: a checkbox for {@code isEnabled}, a value per line
 * for lists, "Changed" for a {@code PropertyChanged} condition without operator, a UTC
 * {@code datetime-local} for the expiration, and the actions' {@code order} from their position.
 */
final class RuleFormBody {
    static final String CONDITIONS = "properties.triggeringLogic.conditions";
    static final String ACTIONS = "properties.actions";
    /** A condition type's members: a member of another type, left in the form after the type changed, is dropped. */
    private static final Map<String, Set<String>> CONDITION_MEMBERS = Map.of(
            "Property", Set.of("propertyName", "operator", "propertyValues"),
            "PropertyChanged", Set.of("propertyName", "changeType", "operator", "propertyValues"),
            "PropertyArrayChanged", Set.of("arrayType", "changeType"),
            "Boolean", Set.of("operator", "innerConditions"));
    private static final Map<String, Set<String>> ACTION_MEMBERS = Map.of(
            "ModifyProperties", Set.of("status", "classification", "classificationReason", "classificationComment", "severity", "owner", "labels"),
            "AddIncidentTask", Set.of("title", "description"),
            "RunPlaybook", Set.of("logicAppResourceId", "tenantId"));
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\[(\\d{1,3})])?");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleFormBody() {
    }

    /** The rule body the form's fields make; a field's text is kept as typed when it is not what its member takes, for the API's check to name. */
    static ObjectNode fromForm(Map<String, List<String>> form) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode properties = body.putObject("properties");
        ObjectNode logic = properties.putObject("triggeringLogic");
        logic.put("isEnabled", form.containsKey("properties.triggeringLogic.isEnabled"));
        logic.putArray("conditions");
        properties.putArray("actions");
        form.entrySet().stream().filter(field -> field.getKey().startsWith("properties.")).sorted(Map.Entry.comparingByKey())
                .forEach(field -> set(body, field.getKey(), field.getValue().isEmpty() ? "" : field.getValue().get(0)));
        tidyConditions((ArrayNode) logic.get("conditions"));
        ArrayNode actions = (ArrayNode) properties.get("actions");
        for (int i = 0; i < actions.size(); i++) {
            tidyAction((ObjectNode) actions.get(i), i + 1);
        }
        return body;
    }

    /** A structural change the form asked for: add, remove or move a condition or an action. Unknown or stale requests change nothing. */
    static void apply(ObjectNode body, String action) {
        if (action == null || !action.contains(":")) {
            return;
        }
        String verb = action.substring(0, action.indexOf(':'));
        String target = action.substring(action.indexOf(':') + 1);
        switch (verb) {
            case "addCondition" -> array(body, target).ifPresent(conditions -> conditions.add(propertyCondition()));
            case "addGroup" -> array(body, target).ifPresent(conditions -> {
                ObjectNode group = conditions.addObject().put("conditionType", "Boolean");
                ArrayNode inner = group.putObject("conditionProperties").put("operator", "Or").putArray("innerConditions");
                inner.add(propertyCondition());
                inner.add(propertyCondition());
            });
            case "addAction" -> array(body, ACTIONS).filter(actions -> ACTION_MEMBERS.containsKey(target)).ifPresent(actions -> {
                ObjectNode added = actions.addObject().put("order", actions.size()).put("actionType", target);
                added.putObject("actionConfiguration");
            });
            case "remove" -> element(body, target).ifPresent(at -> at.array().remove(at.index()));
            case "up" -> element(body, target).filter(at -> at.index() > 0).ifPresent(at -> {
                JsonNode moved = at.array().remove(at.index());
                at.array().insert(at.index() - 1, moved);
            });
            default -> {
            }
        }
        ArrayNode actions = (ArrayNode) body.path("properties").path("actions");
        for (int i = 0; i < actions.size(); i++) {
            ((ObjectNode) actions.get(i)).put("order", i + 1);
        }
    }

    /** The value a {@code datetime-local} field shows for a stored expiration (UTC, to the minute). */
    static String localTime(String instant) {
        return instant.length() >= 16 && LOCAL_TIME.matcher(instant.substring(0, 16)).matches() ? instant.substring(0, 16) : instant;
    }

    private static ObjectNode propertyCondition() {
        ObjectNode condition = JSON.createObjectNode().put("conditionType", "Property");
        condition.putObject("conditionProperties").put("propertyName", "IncidentTitle").put("operator", "Contains").putArray("propertyValues");
        return condition;
    }

    private static void tidyConditions(ArrayNode conditions) {
        for (JsonNode node : conditions) {
            ObjectNode condition = (ObjectNode) node;
            String type = condition.path("conditionType").asText("");
            if (!(condition.get("conditionProperties") instanceof ObjectNode properties)) {
                continue;
            }
            Set<String> members = CONDITION_MEMBERS.getOrDefault(type, Set.of());
            retain(properties, members);
            if (type.equals("PropertyArrayChanged")) {
                properties.put("changeType", "Added");
            }
            if (type.equals("PropertyChanged") && properties.path("changeType").asText().equals("Changed")) {
                // "changed at all" is ChangedTo with no operator and no values
                properties.put("changeType", "ChangedTo");
                properties.remove(List.of("operator", "propertyValues"));
            }
            if (properties.get("innerConditions") instanceof ArrayNode inner) {
                tidyConditions(inner);
            }
        }
    }

    private static void tidyAction(ObjectNode action, int order) {
        action.put("order", order);
        String type = action.path("actionType").asText("");
        if (!(action.get("actionConfiguration") instanceof ObjectNode config)) {
            action.putObject("actionConfiguration");
            return;
        }
        retain(config, ACTION_MEMBERS.getOrDefault(type, Set.of()));
        if (!config.path("status").asText().equals("Closed")) {
            config.remove(List.of("classification", "classificationReason", "classificationComment"));
        }
        if (config.get("owner") instanceof ObjectNode owner && owner.isEmpty()) {
            config.remove("owner");
        }
        if (config.get("labels") instanceof ArrayNode labels) {
            ArrayNode named = JSON.createArrayNode();
            labels.forEach(label -> named.addObject().put("labelName", label.asText()));
            config.set("labels", named);
        }
    }

    private static void retain(ObjectNode node, Set<String> members) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            if (!members.contains(names.next())) {
                names.remove();
            }
        }
    }

    /** Sets the member the field names; an empty text leaves it out, so that an optional member is absent and a required one is refused as such. */
    private static void set(ObjectNode body, String path, String text) {
        String[] segments = path.split("\\.");
        JsonNode at = body;
        for (int i = 0; i < segments.length; i++) {
            Matcher segment = SEGMENT.matcher(segments[i]);
            if (!segment.matches() || !(at instanceof ObjectNode object)) {
                return;
            }
            String name = segment.group(1);
            boolean last = i == segments.length - 1;
            if (segment.group(2) != null) {
                ArrayNode array = object.get(name) instanceof ArrayNode existing ? existing : object.putArray(name);
                int index = Integer.parseInt(segment.group(2));
                while (array.size() <= index) {
                    array.addObject();
                }
                at = array.get(index);
            } else if (last) {
                value(object, name, text);
            } else {
                at = object.get(name) instanceof ObjectNode existing ? existing : object.putObject(name);
            }
        }
    }

    private static void value(ObjectNode object, String name, String text) {
        String value = text.strip();
        switch (name) {
            case "isEnabled" -> {
            }
            case "propertyValues", "labels" -> {
                List<String> lines = Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
                if (!lines.isEmpty() || name.equals("propertyValues")) {
                    ArrayNode values = object.putArray(name);
                    lines.forEach(values::add);
                }
            }
            case "order" -> {
                if (value.matches("-?\\d{1,9}")) {
                    object.put(name, Integer.parseInt(value));
                } else if (!value.isEmpty()) {
                    object.put(name, value);
                }
            }
            case "expirationTimeUtc" -> {
                if (!value.isEmpty()) {
                    object.put(name, LOCAL_TIME.matcher(value).matches() ? value + ":00Z" : value);
                }
            }
            default -> {
                if (!value.isEmpty()) {
                    object.put(name, value);
                }
            }
        }
    }

    private static Optional<ArrayNode> array(ObjectNode body, String path) {
        return at(body, path).filter(ArrayNode.class::isInstance).map(ArrayNode.class::cast);
    }

    private static Optional<Element> element(ObjectNode body, String path) {
        int open = path.lastIndexOf('[');
        if (open < 0 || !path.endsWith("]")) {
            return Optional.empty();
        }
        int index;
        try {
            index = Integer.parseInt(path.substring(open + 1, path.length() - 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return array(body, path.substring(0, open)).filter(array -> index >= 0 && index < array.size()).map(array -> new Element(array, index));
    }

    /** The node at a path of the body, if there is one. */
    private static Optional<JsonNode> at(ObjectNode body, String path) {
        JsonNode at = body;
        for (String part : path.split("\\.")) {
            Matcher segment = SEGMENT.matcher(part);
            if (!segment.matches()) {
                return Optional.empty();
            }
            at = at.path(segment.group(1));
            if (segment.group(2) != null) {
                at = at.path(Integer.parseInt(segment.group(2)));
            }
        }
        return at.isMissingNode() ? Optional.empty() : Optional.of(at);
    }

    private record Element(ArrayNode array, int index) {
    }
}
