package dev.vigil.iot.detection;

import java.time.Duration;
import java.util.Objects;

/**
 * A threshold or time-window custom alert rule of a device security group: the count of some
 * activity in each window of {@code timeWindowSize} must stay within {@code [minThreshold, maxThreshold]}.
 *
 * @param ruleType as the REST model spells it, e.g. {@code ActiveConnectionsNotInAllowedRange},
 *     {@code MqttD2CMessagesNotInAllowedRange}
 */
public record TimeWindowRule(String ruleType, boolean isEnabled, long minThreshold, long maxThreshold, Duration timeWindowSize) {
    public TimeWindowRule {
        Objects.requireNonNull(ruleType, "ruleType");
        if (minThreshold < 0 || maxThreshold < minThreshold) {
            throw new IllegalArgumentException("rule " + ruleType + " needs 0 <= minThreshold <= maxThreshold, was ["
                    + minThreshold + ", " + maxThreshold + "]");
        }
        if (timeWindowSize.isNegative() || timeWindowSize.isZero()) {
            throw new IllegalArgumentException("rule " + ruleType + " needs a positive timeWindowSize, was " + timeWindowSize);
        }
    }
}
