package dev.vigil.server.api.automation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Automation rule bodies in Sentinel's shape, built up for the tests. */
final class AutomationRuleBodies {
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, Object> triggeringLogic = new LinkedHashMap<>();
    private final List<Object> conditions = new ArrayList<>();
    private final List<Object> actions = new ArrayList<>();

    private AutomationRuleBodies(String displayName, int order, String triggersWhen) {
        properties.put("displayName", displayName);
        properties.put("order", order);
        triggeringLogic.put("isEnabled", true);
        triggeringLogic.put("triggersOn", "Incidents");
        triggeringLogic.put("triggersWhen", triggersWhen);
        triggeringLogic.put("conditions", conditions);
        properties.put("triggeringLogic", triggeringLogic);
        properties.put("actions", actions);
    }

    static AutomationRuleBodies onCreated(String displayName, int order) {
        return new AutomationRuleBodies(displayName, order, "Created");
    }

    static AutomationRuleBodies onUpdated(String displayName, int order) {
        return new AutomationRuleBodies(displayName, order, "Updated");
    }

    AutomationRuleBodies set(String member, Object value) {
        triggeringLogic.put(member, value);
        return this;
    }

    AutomationRuleBodies when(String propertyName, String operator, String... values) {
        conditions.add(property(propertyName, operator, values));
        return this;
    }

    AutomationRuleBodies whenChanged(String propertyName, String changeType, String operator, String... values) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("propertyName", propertyName);
        properties.put("changeType", changeType);
        if (operator != null) {
            properties.put("operator", operator);
            properties.put("propertyValues", List.of(values));
        }
        conditions.add(Map.of("conditionType", "PropertyChanged", "conditionProperties", properties));
        return this;
    }

    AutomationRuleBodies condition(Object condition) {
        conditions.add(condition);
        return this;
    }

    static Map<String, Object> property(String propertyName, String operator, String... values) {
        return Map.of("conditionType", "Property", "conditionProperties",
                Map.of("propertyName", propertyName, "operator", operator, "propertyValues", List.of(values)));
    }

    static Map<String, Object> anyOf(Object... inner) {
        return Map.of("conditionType", "Boolean", "conditionProperties", Map.of("operator", "Or", "innerConditions", List.of(inner)));
    }

    AutomationRuleBodies modify(Map<String, Object> configuration) {
        actions.add(Map.of("order", actions.size() + 1, "actionType", "ModifyProperties", "actionConfiguration", configuration));
        return this;
    }

    AutomationRuleBodies addTask(String title) {
        actions.add(Map.of("order", actions.size() + 1, "actionType", "AddIncidentTask", "actionConfiguration", Map.of("title", title)));
        return this;
    }

    AutomationRuleBodies action(Map<String, Object> action) {
        actions.add(action);
        return this;
    }

    Map<String, Object> body() {
        return Map.of("properties", properties);
    }
}
