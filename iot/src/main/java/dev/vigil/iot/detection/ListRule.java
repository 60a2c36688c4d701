package dev.vigil.iot.detection;

import dev.vigil.iot.network.IpRange;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An allow list ({@code allowlistRules[]}: what is not listed raises) or a deny list
 * ({@code denylistRules[]}: what is listed raises) of a device security group.
 */
public record ListRule(ListRuleType ruleType, boolean isEnabled, List<String> values, ListValueType valueType) {
    /**
     * The ranges of each list, parsed once: a record holds no more than its components, and
     * {@code contains} runs for every connection a device reports. Lists come from a handful of
     * security groups, so this stays small; a changed list is a new key.
     */
    private static final Map<List<String>, List<IpRange>> PARSED = new ConcurrentHashMap<>();

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
            if (PARSED.size() > 10_000) {
                PARSED.clear();
            }
            return PARSED.computeIfAbsent(values, ListRule::ranges).stream().anyMatch(range -> range.contains(value));
        }
        return values.contains(value);
    }

    private static List<IpRange> ranges(List<String> values) {
        return values.stream().map(IpRange::parse).toList();
    }
}
