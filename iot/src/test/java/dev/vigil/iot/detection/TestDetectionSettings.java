package dev.vigil.iot.detection;

import dev.vigil.iot.device.DeviceIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Settings a test sets directly: which hubs are monitored, and the rules of each security group. */
final class TestDetectionSettings implements DetectionSettings {
    private final Set<String> monitoredHubs = ConcurrentHashMap.newKeySet();
    private final Map<String, SecurityGroupRules> groups = new ConcurrentHashMap<>();

    TestDetectionSettings monitor(String hubResourceId) {
        monitoredHubs.add(hubResourceId);
        return this;
    }

    TestDetectionSettings group(String name, SecurityGroupRules rules) {
        groups.put(name, rules);
        return this;
    }

    @Override
    public boolean monitoringEnabled(String hubResourceId) {
        return monitoredHubs.contains(hubResourceId);
    }

    @Override
    public SecurityGroupRules rules(DeviceIdentity device) {
        return groups.getOrDefault(device.securityGroup(), SecurityGroupRules.none());
    }

    @Override
    public Duration longestTimeWindow() {
        return groups.values().stream().flatMap(rules -> rules.timeWindowRules().stream()).map(TimeWindowRule::timeWindowSize)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
