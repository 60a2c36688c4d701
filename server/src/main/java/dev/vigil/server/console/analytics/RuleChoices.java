package dev.vigil.server.console.analytics;

import dev.vigil.soc.rule.AggregationKind;
import dev.vigil.soc.rule.AlertSeverity;
import dev.vigil.soc.rule.EntityType;
import dev.vigil.soc.rule.MatchingMethod;
import dev.vigil.soc.rule.TriggerOperator;
import dev.vigil.soc.rule.json.AlertRuleJson;
import java.util.Arrays;
import java.util.List;

/** What the wizard's lists offer: the domain's own values, with the words Sentinel's wizard shows for them. */
public final class RuleChoices {
    public static final List<String> SEVERITIES = names(AlertSeverity.values());
    public static final List<String> TACTICS = AlertRuleJson.TACTICS;
    public static final List<String> TRIGGER_OPERATORS = names(TriggerOperator.values());
    public static final List<String> ENTITY_TYPES = names(EntityType.values());
    public static final List<String> AGGREGATIONS = names(AggregationKind.values());
    public static final List<String> MATCHING_METHODS = names(MatchingMethod.values());
    public static final List<String> ALERT_DETAILS = List.of("DisplayName", "Severity");
    public static final List<String> UNITS = DurationField.UNITS;

    private RuleChoices() {
    }

    /** The identifiers an entity type takes; none for a type not chosen yet. */
    public static List<String> identifiers(String entityType) {
        return EntityType.named(entityType).map(EntityType::identifiers).orElse(List.of());
    }

    public static String triggerOperatorLabel(String operator) {
        return switch (operator) {
            case "GreaterThan" -> "Is greater than";
            case "LessThan" -> "Is less than";
            case "Equal" -> "Is equal to";
            case "NotEqual" -> "Is not equal to";
            default -> operator;
        };
    }

    public static String aggregationLabel(String aggregation) {
        return aggregation.equals("AlertPerResult") ? "Trigger an alert for each event" : "Group all events into a single alert";
    }

    public static String matchingMethodLabel(String method) {
        return switch (method) {
            case "AllEntities" -> "Group alerts into a single incident if all the entities match";
            case "AnyAlert" -> "Group all alerts triggered by this rule into a single incident";
            case "Selected" -> "Group alerts into a single incident if the selected entity types and details match";
            default -> method;
        };
    }

    /** Spaces before capitals, for tactics: {@code PrivilegeEscalation} shows as "Privilege Escalation". */
    public static String spaced(String name) {
        return name.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
