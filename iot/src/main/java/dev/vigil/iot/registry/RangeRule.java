package dev.vigil.iot.registry;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A custom alert rule on a count: {@code timeWindowRules[]} and {@code thresholdRules[]} of a
 * device security group. The alert fires when the count leaves {@code [minThreshold, maxThreshold]}.
 *
 * @param ruleType e.g. {@code MqttD2CMessagesNotInAllowedRange}, {@code ActiveConnectionsNotInAllowedRange}
 * @param timeWindowSize an ISO 8601 duration such as {@code PT05M}; null for threshold rules
 */
public record RangeRule(String ruleType, boolean isEnabled, long minThreshold, long maxThreshold, String timeWindowSize) {
    public RangeRule {
        if (ruleType == null || !ruleType.endsWith("NotInAllowedRange")) {
            throw new InvalidResourceException("'ruleType' must name a rule ending in 'NotInAllowedRange', was '" + ruleType + "'");
        }
        if (minThreshold < 0 || maxThreshold < minThreshold) {
            throw new InvalidResourceException("rule '" + ruleType + "': thresholds must satisfy 0 <= minThreshold <= maxThreshold, were "
                    + minThreshold + " and " + maxThreshold);
        }
        if (timeWindowSize != null) {
            windowOf(ruleType, timeWindowSize);
        }
    }

    /** The window as a duration; throws when the rule has none. */
    public Duration window() {
        if (timeWindowSize == null) {
            throw new IllegalStateException("rule '" + ruleType + "' has no time window");
        }
        return windowOf(ruleType, timeWindowSize);
    }

    private static Duration windowOf(String ruleType, String text) {
        try {
            Duration window = Duration.parse(text);
            if (window.isNegative() || window.isZero()) {
                throw new InvalidResourceException("rule '" + ruleType + "': 'timeWindowSize' must be positive, was '" + text + "'");
            }
            return window;
        } catch (DateTimeParseException e) {
            throw new InvalidResourceException("rule '" + ruleType + "': 'timeWindowSize' must be an ISO 8601 duration like 'PT05M', was '" + text + "'");
        }
    }
}
