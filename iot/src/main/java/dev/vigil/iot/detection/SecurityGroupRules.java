package dev.vigil.iot.detection;

import java.util.List;
import java.util.Optional;

/**
 * The custom alert rules of one device security group ({@code deviceSecurityGroups/{name}}):
 * {@code timeWindowRules[]} and {@code thresholdRules[]} together, then the allow and deny lists.
 */
public record SecurityGroupRules(List<TimeWindowRule> timeWindowRules, List<ListRule> allowlistRules, List<ListRule> denylistRules) {
    private static final SecurityGroupRules NONE = new SecurityGroupRules(List.of(), List.of(), List.of());

    public SecurityGroupRules {
        timeWindowRules = List.copyOf(timeWindowRules);
        allowlistRules = List.copyOf(allowlistRules);
        denylistRules = List.copyOf(denylistRules);
    }

    /** A group without custom rules. */
    public static SecurityGroupRules none() {
        return NONE;
    }

    /** The enabled time-window rule of this type, if any. */
    public Optional<TimeWindowRule> timeWindowRule(String ruleType) {
        return timeWindowRules.stream().filter(rule -> rule.isEnabled() && rule.ruleType().equals(ruleType)).findFirst();
    }

    /** The enabled allow list of this type, if any. */
    public Optional<ListRule> allowlist(ListRuleType type) {
        return allowlistRules.stream().filter(rule -> rule.isEnabled() && rule.ruleType() == type).findFirst();
    }

    /** The enabled deny list of this type, if any. */
    public Optional<ListRule> denylist(ListRuleType type) {
        return denylistRules.stream().filter(rule -> rule.isEnabled() && rule.ruleType() == type).findFirst();
    }
}
