package dev.vigil.iot.registry;

import java.util.List;

/**
 * {@code {hubId}/providers/Microsoft.Security/deviceSecurityGroups/{name}}: the custom alert rules
 * for the devices whose twin tag {@code SecurityGroup} names this group.
 */
public record DeviceSecurityGroup(
        String hubName,
        String name,
        List<RangeRule> timeWindowRules,
        List<RangeRule> thresholdRules,
        List<ListRule> allowlistRules,
        List<ListRule> denylistRules) {

    public DeviceSecurityGroup {
        ResourceNames.requireHubName(hubName);
        ResourceNames.requireName("deviceSecurityGroupName", name);
        timeWindowRules = timeWindowRules == null ? List.of() : List.copyOf(timeWindowRules);
        thresholdRules = thresholdRules == null ? List.of() : List.copyOf(thresholdRules);
        allowlistRules = allowlistRules == null ? List.of() : List.copyOf(allowlistRules);
        denylistRules = denylistRules == null ? List.of() : List.copyOf(denylistRules);
        for (RangeRule rule : timeWindowRules) {
            if (rule.timeWindowSize() == null) {
                throw new InvalidResourceException("time window rule '" + rule.ruleType() + "' needs a 'timeWindowSize'");
            }
        }
    }
}
