package dev.vigil.iot.detection;

import java.util.List;
import java.util.Objects;

/**
 * An allow list ({@code allowlistRules[]}: what is not listed raises) or a deny list
 * ({@code denylistRules[]}: what is listed raises) of a device security group.
 */
public record ListRule(ListRuleType ruleType, boolean isEnabled, List<String> values, ListValueType valueType) {
    public ListRule {
        Objects.requireNonNull(ruleType, "ruleType");
        Objects.requireNonNull(valueType, "valueType");
        values = List.copyOf(values);
        if (ruleType == ListRuleType.ConnectionToIpNotAllowed && valueType != ListValueType.IpCidr) {
            throw new IllegalArgumentException("a ConnectionToIpNotAllowed list holds IpCidr values, not " + valueType);
        }
        if (valueType == ListValueType.IpCidr) {
            values.forEach(IpRange::parse);
        }
    }

    /** Whether the value is on the list: inside one of its ranges, or equal to one of its strings. */
    public boolean contains(java.lang.String value) {
        if (valueType == ListValueType.IpCidr) {
            return values.stream().anyMatch(range -> IpRange.parse(range).contains(value));
        }
        return values.contains(value);
    }
}
