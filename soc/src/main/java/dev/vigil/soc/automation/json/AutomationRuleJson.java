package dev.vigil.soc.automation.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.soc.automation.ActionNotAvailableException;
import dev.vigil.soc.automation.AutomationAction;
import dev.vigil.soc.automation.AutomationCondition;
import dev.vigil.soc.automation.AutomationCondition.BooleanCondition;
import dev.vigil.soc.automation.AutomationCondition.BooleanOperator;
import dev.vigil.soc.automation.AutomationCondition.ChangeType;
import dev.vigil.soc.automation.AutomationCondition.PropertyArrayChangedCondition;
import dev.vigil.soc.automation.AutomationCondition.PropertyChangedCondition;
import dev.vigil.soc.automation.AutomationCondition.PropertyCondition;
import dev.vigil.soc.automation.AutomationRule;
import dev.vigil.soc.automation.AutomationRuleDefinition;
import dev.vigil.soc.automation.ChangedArray;
import dev.vigil.soc.automation.ChangedProperty;
import dev.vigil.soc.automation.ConditionOperator;
import dev.vigil.soc.automation.IncidentProperty;
import dev.vigil.soc.automation.InvalidAutomationRuleException;
import dev.vigil.soc.automation.TriggeringLogic;
import dev.vigil.soc.automation.TriggersOn;
import dev.vigil.soc.automation.TriggersWhen;
import dev.vigil.soc.incident.ClassificationReason;
import dev.vigil.soc.incident.Closure;
import dev.vigil.soc.incident.IncidentException;
import dev.vigil.soc.incident.IncidentLabel;
import dev.vigil.soc.incident.IncidentOwner;
import dev.vigil.soc.incident.IncidentSeverity;
import dev.vigil.soc.incident.IncidentStatus;
import dev.vigil.soc.incident.LabelType;
import dev.vigil.soc.incident.NewIncidentTask;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Automation rules in the JSON shape of Sentinel's {@code automationRules} resource:
 * {@code {"properties":{"displayName","order","triggeringLogic":{...},"actions":[...]}}}. Reading
 * refuses the first wrong value with its JSON path; what reading accepts, writing gives back.
 */
public final class AutomationRuleJson {
    static final int MAX_CONDITIONS = 50;
    static final int MAX_ACTIONS = 20;
    static final int MAX_NESTING = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROOT = Set.of("id", "name", "type", "etag", "properties");
    private static final Set<String> PROPERTIES = Set.of("displayName", "order", "triggeringLogic", "actions", "createdTimeUtc",
            "lastModifiedTimeUtc", "createdBy", "lastModifiedBy");
    private static final Set<String> TRIGGERING_LOGIC = Set.of("isEnabled", "expirationTimeUtc", "triggersOn", "triggersWhen", "conditions");
    private static final Set<String> CONDITION = Set.of("conditionType", "conditionProperties");
    private static final Set<String> ACTION = Set.of("order", "actionType", "actionConfiguration");
    private static final Set<String> MODIFY_PROPERTIES = Set.of("status", "classification", "classificationReason", "classificationComment",
            "severity", "owner", "labels");
    private static final Set<String> OWNER = Set.of("objectId", "email", "assignedTo", "userPrincipalName", "ownerType");
    private static final Set<String> LABEL = Set.of("labelName", "labelType");
    private static final Set<String> TASK = Set.of("title", "description");
    private static final Set<String> PLAYBOOK = Set.of("logicAppResourceId", "tenantId");

    private AutomationRuleJson() {
    }

    /** The etag the body names, if any ({@code If-Match} takes precedence). */
    public static Optional<String> etag(JsonNode body) {
        JsonNode etag = body == null ? null : body.get("etag");
        return etag == null || !etag.isTextual() || etag.asText().isBlank() ? Optional.empty() : Optional.of(etag.asText().replace("\"", "").strip());
    }

    /** Reads a rule body; throws {@link InvalidAutomationRuleException} (or {@link ActionNotAvailableException}) at the first wrong value. */
    public static AutomationRuleDefinition read(JsonNode body) {
        JsonMembers root = JsonMembers.of(body, "", ROOT);
        JsonMembers properties = root.object("properties", PROPERTIES);
        String displayName = properties.requiredText("displayName", 500);
        int order = properties.requiredInteger("order", 1, 1000);
        TriggeringLogic logic = triggeringLogic(properties.object("triggeringLogic", TRIGGERING_LOGIC));
        List<JsonNode> actionNodes = properties.array("actions", true, MAX_ACTIONS);
        if (actionNodes.isEmpty()) {
            throw new InvalidAutomationRuleException(properties.path("actions"), "needs at least one action");
        }
        List<AutomationAction> actions = new ArrayList<>();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < actionNodes.size(); i++) {
            String path = properties.path("actions") + "[" + i + "]";
            AutomationAction action = action(JsonMembers.of(actionNodes.get(i), path, ACTION));
            if (logic.triggersOn() == TriggersOn.Alerts && !(action instanceof AutomationAction.RunPlaybook)) {
                // as in Sentinel: an alert has no status, owner or tasks to change; a playbook can act on it
                throw new ActionNotAvailableException(path + ".actionType", actionType(action),
                        "a rule triggered by alerts can only run playbooks (RunPlaybook)");
            }
            if (!orders.add(action.order())) {
                throw new InvalidAutomationRuleException(path + ".order", "another action has order " + action.order() + "; each action needs its own");
            }
            actions.add(action);
        }
        return new AutomationRuleDefinition(displayName, order, logic, actions);
    }

    private static TriggeringLogic triggeringLogic(JsonMembers logic) {
        boolean enabled = logic.requiredBoolean("isEnabled");
        TriggersOn on = logic.requiredEnum("triggersOn", TriggersOn.class);
        TriggersWhen when = logic.requiredEnum("triggersWhen", TriggersWhen.class);
        if (on == TriggersOn.Alerts && when != TriggersWhen.Created) {
            throw new InvalidAutomationRuleException(logic.path("triggersWhen"), "a rule triggered by alerts runs when they are Created;"
                    + " '" + when + "' is for incidents");
        }
        List<JsonNode> nodes = logic.array("conditions", false, MAX_CONDITIONS);
        int[] count = {0};
        List<AutomationCondition> conditions = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = logic.path("conditions") + "[" + i + "]";
            AutomationCondition condition = condition(nodes.get(i), path, when, 1, count);
            if (on == TriggersOn.Alerts) {
                checkFitsAlerts(condition, path);
            }
            conditions.add(condition);
        }
        return new TriggeringLogic(enabled, logic.instant("expirationTimeUtc"), on, when, conditions);
    }

    private static String actionType(AutomationAction action) {
        return action instanceof AutomationAction.ModifyProperties ? "ModifyProperties"
                : action instanceof AutomationAction.AddIncidentTask ? "AddIncidentTask" : "RunPlaybook";
    }

    /** A rule triggered by alerts tests the alert's own properties and entities: not an incident's status, owner, labels or rules. */
    private static void checkFitsAlerts(AutomationCondition condition, String path) {
        if (condition instanceof PropertyCondition property && !property.property().appliesToAlerts()) {
            throw new InvalidAutomationRuleException(path + ".conditionProperties.propertyName", "'" + property.property()
                    + "' is a property of incidents, not of alerts; a rule triggered by alerts can test "
                    + String.join(", ", Arrays.stream(IncidentProperty.values()).filter(IncidentProperty::appliesToAlerts).map(Enum::name).toList()));
        }
        if (condition instanceof BooleanCondition group) {
            for (int i = 0; i < group.innerConditions().size(); i++) {
                checkFitsAlerts(group.innerConditions().get(i), path + ".conditionProperties.innerConditions[" + i + "]");
            }
        }
    }

    private static AutomationCondition condition(JsonNode node, String path, TriggersWhen when, int depth, int[] count) {
        if (++count[0] > MAX_CONDITIONS) {
            throw new InvalidAutomationRuleException(path, "a rule has at most " + MAX_CONDITIONS + " conditions, inner ones included");
        }
        JsonMembers condition = JsonMembers.of(node, path, CONDITION);
        String type = condition.requiredText("conditionType", 50);
        String at = condition.path("conditionProperties");
        AutomationCondition read = switch (type) {
            case "Property" -> property(condition.object("conditionProperties", Set.of("propertyName", "operator", "propertyValues")));
            case "PropertyChanged" -> propertyChanged(condition.object("conditionProperties",
                    Set.of("propertyName", "changeType", "operator", "propertyValues")));
            case "PropertyArrayChanged" -> arrayChanged(condition.object("conditionProperties", Set.of("arrayType", "changeType")));
            case "Boolean" -> {
                if (depth >= MAX_NESTING) {
                    throw new InvalidAutomationRuleException(path, "Boolean conditions nest at most " + MAX_NESTING + " deep");
                }
                JsonMembers group = condition.object("conditionProperties", Set.of("operator", "innerConditions"));
                BooleanOperator operator = group.requiredEnum("operator", BooleanOperator.class);
                List<JsonNode> inner = group.array("innerConditions", true, MAX_CONDITIONS);
                if (inner.size() < 2) {
                    throw new InvalidAutomationRuleException(group.path("innerConditions"), "a Boolean condition groups at least two conditions");
                }
                List<AutomationCondition> innerConditions = new ArrayList<>();
                for (int i = 0; i < inner.size(); i++) {
                    innerConditions.add(condition(inner.get(i), group.path("innerConditions") + "[" + i + "]", when, depth + 1, count));
                }
                yield new BooleanCondition(operator, innerConditions);
            }
            default -> throw new InvalidAutomationRuleException(condition.path("conditionType"),
                    "'" + type + "' is not one of Property, PropertyChanged, PropertyArrayChanged, Boolean");
        };
        if (read.concernsUpdates() && when != TriggersWhen.Updated && !(read instanceof BooleanCondition)) {
            throw new InvalidAutomationRuleException(at, "a " + type + " condition is about a change, so it only fits rules whose triggersWhen is Updated");
        }
        return read;
    }

    private static PropertyCondition property(JsonMembers properties) {
        String name = properties.requiredText("propertyName", 100);
        IncidentProperty property = IncidentProperty.named(name).orElseThrow(() -> new InvalidAutomationRuleException(
                properties.path("propertyName"), "'" + name + "' is not one of " + JsonMembers.names(IncidentProperty.class)));
        ConditionOperator operator = properties.requiredEnum("operator", ConditionOperator.class);
        return new PropertyCondition(property, operator, properties.texts("propertyValues", true, 100));
    }

    private static PropertyChangedCondition propertyChanged(JsonMembers properties) {
        String name = properties.requiredText("propertyName", 100);
        ChangedProperty property = ChangedProperty.named(name).orElseThrow(() -> new InvalidAutomationRuleException(
                properties.path("propertyName"), "'" + name + "' is not one of " + JsonMembers.names(ChangedProperty.class)
                        + " (the properties whose changes a rule can watch)"));
        ChangeType changeType = properties.requiredEnum("changeType", ChangeType.class);
        Optional<ConditionOperator> operator = properties.enumValue("operator", ConditionOperator.class);
        List<String> values = properties.texts("propertyValues", operator.isPresent(), 100);
        if (operator.isEmpty() && !values.isEmpty()) {
            throw new InvalidAutomationRuleException(properties.path("operator"), "is required with propertyValues");
        }
        if (operator.isEmpty() && changeType == ChangeType.ChangedFrom) {
            throw new InvalidAutomationRuleException(properties.path("operator"), "is required with ChangedFrom; leave both out for 'changed at all' with ChangedTo");
        }
        return new PropertyChangedCondition(property, changeType, operator, values);
    }

    private static PropertyArrayChangedCondition arrayChanged(JsonMembers properties) {
        String name = properties.requiredText("arrayType", 50);
        ChangedArray array = ChangedArray.named(name).orElseThrow(() -> new InvalidAutomationRuleException(properties.path("arrayType"),
                "'" + name + "' is not one of " + JsonMembers.names(ChangedArray.class)));
        String change = properties.requiredText("changeType", 20);
        if (!change.equals("Added")) {
            throw new InvalidAutomationRuleException(properties.path("changeType"), "'" + change + "' is not Added (the only change of an array a rule can watch)");
        }
        return new PropertyArrayChangedCondition(array);
    }

    private static AutomationAction action(JsonMembers action) {
        int order = action.requiredInteger("order", 1, 1000);
        String type = action.requiredText("actionType", 50);
        return switch (type) {
            case "ModifyProperties" -> modifyProperties(order, action.object("actionConfiguration", MODIFY_PROPERTIES));
            case "AddIncidentTask" -> {
                JsonMembers task = action.object("actionConfiguration", TASK);
                String title = task.requiredText("title", 150);
                String description = task.text("description").orElse("");
                if (description.length() > 3_000) {
                    throw new InvalidAutomationRuleException(task.path("description"), "is longer than 3000 characters");
                }
                yield new AutomationAction.AddIncidentTask(order, new NewIncidentTask(title, description));
            }
            case "RunPlaybook" -> {
                JsonMembers playbook = action.object("actionConfiguration", PLAYBOOK);
                String resourceId = playbook.requiredText("logicAppResourceId", 1_000);
                String name = resourceId.substring(resourceId.lastIndexOf('/') + 1).strip();
                if (name.isEmpty()) {
                    throw new InvalidAutomationRuleException(playbook.path("logicAppResourceId"), "'" + resourceId + "' names no playbook;"
                            + " give /workspaces/{workspace}/playbooks/{name} or the playbook's name");
                }
                yield new AutomationAction.RunPlaybook(order, resourceId, name, playbook.text("tenantId"));
            }
            default -> throw new InvalidAutomationRuleException(action.path("actionType"),
                    "'" + type + "' is not one of ModifyProperties, AddIncidentTask, RunPlaybook");
        };
    }

    private static AutomationAction.ModifyProperties modifyProperties(int order, JsonMembers config) {
        Optional<IncidentStatus> status = config.text("status").map(text -> incidentValue(config.path("status"), () -> IncidentStatus.named(text)));
        Optional<String> classification = config.text("classification");
        Optional<Closure> closure = Optional.empty();
        if (status.filter(s -> s == IncidentStatus.CLOSED).isPresent()) {
            closure = Optional.of(incidentValue(config.path("classification"), () -> Closure.of(classification.orElse(null),
                    config.text("classificationReason").orElse(null), config.text("classificationComment").orElse(""))));
        } else {
            for (String member : List.of("classification", "classificationReason", "classificationComment")) {
                if (config.has(member)) {
                    throw new InvalidAutomationRuleException(config.path(member), "is given only with status Closed");
                }
            }
        }
        Optional<IncidentSeverity> severity = config.text("severity")
                .map(text -> incidentValue(config.path("severity"), () -> IncidentSeverity.named(text)));
        Optional<IncidentOwner> owner = Optional.empty();
        if (config.has("owner")) {
            JsonMembers fields = config.object("owner", OWNER);
            owner = Optional.of(incidentValue(config.path("owner"), () -> new IncidentOwner(fields.text("objectId").orElse(""),
                    fields.text("email").orElse(""), fields.text("assignedTo").orElse(""), fields.text("userPrincipalName").orElse(""))));
        }
        List<JsonNode> labelNodes = config.array("labels", false, 50);
        List<IncidentLabel> labels = new ArrayList<>();
        for (int i = 0; i < labelNodes.size(); i++) {
            JsonMembers label = JsonMembers.of(labelNodes.get(i), config.path("labels") + "[" + i + "]", LABEL);
            String name = label.requiredText("labelName", 256);
            labels.add(new IncidentLabel(name, LabelType.USER));
        }
        if (status.isEmpty() && severity.isEmpty() && owner.isEmpty() && labels.isEmpty()) {
            throw new InvalidAutomationRuleException(config.path(), "a ModifyProperties action needs at least one of status, severity, owner, labels");
        }
        return new AutomationAction.ModifyProperties(order, status, closure, severity, owner, labels);
    }

    /** A value checked by the incident domain, whose refusal is given the JSON path. */
    private static <T> T incidentValue(String path, Supplier<T> read) {
        try {
            return read.get();
        } catch (IncidentException e) {
            throw new InvalidAutomationRuleException(path, e.getMessage());
        }
    }

    /** The rule as the API shows it: {@code {"id","name","etag","type","properties"}}. */
    public static ObjectNode write(AutomationRule rule) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "/workspaces/" + rule.workspaceId() + "/automationRules/" + rule.id());
        node.put("name", rule.id());
        node.put("etag", rule.etag());
        node.put("type", "Microsoft.SecurityInsights/automationRules");
        ObjectNode properties = node.putObject("properties");
        properties.put("displayName", rule.displayName());
        properties.put("order", rule.order());
        properties.set("triggeringLogic", write(rule.triggeringLogic()));
        ArrayNode actions = properties.putArray("actions");
        rule.actions().forEach(action -> actions.add(write(action)));
        properties.put("createdTimeUtc", rule.createdTimeUtc().toString());
        properties.put("lastModifiedTimeUtc", rule.lastModifiedTimeUtc().toString());
        properties.set("createdBy", client(rule.createdBy()));
        properties.set("lastModifiedBy", client(rule.lastModifiedBy()));
        return node;
    }

    /** The parts a client sets, in the body shape {@link #read} takes: what a rule is stored as. */
    public static ObjectNode definition(AutomationRuleDefinition definition) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode properties = node.putObject("properties");
        properties.put("displayName", definition.displayName());
        properties.put("order", definition.order());
        properties.set("triggeringLogic", write(definition.triggeringLogic()));
        ArrayNode actions = properties.putArray("actions");
        definition.actions().forEach(action -> actions.add(write(action)));
        return node;
    }

    private static ObjectNode client(String user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", user);
        node.put("userPrincipalName", user);
        return node;
    }

    private static ObjectNode write(TriggeringLogic logic) {
        ObjectNode node = JSON.createObjectNode();
        node.put("isEnabled", logic.isEnabled());
        logic.expirationTimeUtc().ifPresent(time -> node.put("expirationTimeUtc", time.toString()));
        node.put("triggersOn", logic.triggersOn().name());
        node.put("triggersWhen", logic.triggersWhen().name());
        ArrayNode conditions = node.putArray("conditions");
        logic.conditions().forEach(condition -> conditions.add(write(condition)));
        return node;
    }

    private static ObjectNode write(AutomationCondition condition) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode properties = JSON.createObjectNode();
        if (condition instanceof PropertyCondition property) {
            node.put("conditionType", "Property");
            properties.put("propertyName", property.property().name());
            properties.put("operator", property.operator().name());
            ArrayNode values = properties.putArray("propertyValues");
            property.propertyValues().forEach(values::add);
        } else if (condition instanceof PropertyChangedCondition changed) {
            node.put("conditionType", "PropertyChanged");
            properties.put("propertyName", changed.property().name());
            properties.put("changeType", changed.changeType().name());
            changed.operator().ifPresent(operator -> {
                properties.put("operator", operator.name());
                ArrayNode values = properties.putArray("propertyValues");
                changed.propertyValues().forEach(values::add);
            });
        } else if (condition instanceof PropertyArrayChangedCondition array) {
            node.put("conditionType", "PropertyArrayChanged");
            properties.put("arrayType", array.arrayType().name());
            properties.put("changeType", "Added");
        } else if (condition instanceof BooleanCondition group) {
            node.put("conditionType", "Boolean");
            properties.put("operator", group.operator().name());
            ArrayNode inner = properties.putArray("innerConditions");
            group.innerConditions().forEach(c -> inner.add(write(c)));
        }
        node.set("conditionProperties", properties);
        return node;
    }

    private static ObjectNode write(AutomationAction action) {
        ObjectNode node = JSON.createObjectNode();
        node.put("order", action.order());
        ObjectNode config = JSON.createObjectNode();
        if (action instanceof AutomationAction.ModifyProperties modify) {
            node.put("actionType", "ModifyProperties");
            modify.status().ifPresent(status -> config.put("status", status.sentinelName()));
            modify.closure().ifPresent(closure -> {
                config.put("classification", closure.classification().sentinelName());
                closure.reason().map(ClassificationReason::sentinelName).ifPresent(reason -> config.put("classificationReason", reason));
                if (!closure.comment().isEmpty()) {
                    config.put("classificationComment", closure.comment());
                }
            });
            modify.severity().ifPresent(severity -> config.put("severity", severity.sentinelName()));
            modify.owner().ifPresent(owner -> {
                ObjectNode o = config.putObject("owner");
                o.put("objectId", owner.objectId());
                o.put("email", owner.email());
                o.put("assignedTo", owner.assignedTo());
                o.put("userPrincipalName", owner.userPrincipalName());
            });
            if (!modify.labels().isEmpty()) {
                ArrayNode labels = config.putArray("labels");
                modify.labels().forEach(label -> labels.addObject().put("labelName", label.name()).put("labelType", label.type().sentinelName()));
            }
        } else if (action instanceof AutomationAction.RunPlaybook run) {
            node.put("actionType", "RunPlaybook");
            config.put("logicAppResourceId", run.logicAppResourceId());
            run.tenantId().ifPresent(tenant -> config.put("tenantId", tenant));
        } else if (action instanceof AutomationAction.AddIncidentTask task) {
            node.put("actionType", "AddIncidentTask");
            config.put("title", task.task().title());
            if (!task.task().description().isEmpty()) {
                config.put("description", task.task().description());
            }
        }
        node.set("actionConfiguration", config);
        return node;
    }
}
