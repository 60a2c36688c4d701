package dev.vigil.iot.registry;

import dev.vigil.iot.detection.DetectionSettings;
import dev.vigil.iot.detection.ListRuleType;
import dev.vigil.iot.detection.ListValueType;
import dev.vigil.iot.detection.SecurityGroupRules;
import dev.vigil.iot.detection.TimeWindowRule;
import dev.vigil.iot.device.DeviceIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection engine's view of the registry: monitoring flags and security group rules, read
 * from the registry's in-memory copy, so that the engine never waits on storage.
 *
 * <p>Security groups are converted to the engine's records once per stored version and kept; a
 * changed group is a new {@link DeviceSecurityGroup} instance and is converted again on first use.
 */
public final class RegistryDetectionSettings implements DetectionSettings {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryDetectionSettings.class);

    /**
     * The window of a {@code thresholdRules[]} entry that names none: the engine counts in windows,
     * and the reference's examples use five minutes.
     */
    public static final Duration DEFAULT_THRESHOLD_WINDOW = Duration.ofMinutes(5);

    private final IotRegistry registry;
    private final Map<String, Converted> converted = new ConcurrentHashMap<>();

    public RegistryDetectionSettings(IotRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Whether the hub with this ARM id (compared case-insensitively, as ARM does) has monitoring on. */
    @Override
    public boolean monitoringEnabled(String hubResourceId) {
        if (hubResourceId == null) {
            return false;
        }
        String hubName = hubResourceId.substring(hubResourceId.lastIndexOf('/') + 1);
        return registry.findHub(hubName)
                .filter(hub -> hub.resourceId().equalsIgnoreCase(hubResourceId))
                .map(hub -> hub.security().monitoringEnabled())
                .orElse(false);
    }

    @Override
    public SecurityGroupRules rules(DeviceIdentity device) {
        return registry.findDeviceSecurityGroup(device.hubName(), device.securityGroup())
                .map(this::rulesOf)
                .orElse(SecurityGroupRules.none());
    }

    @Override
    public Duration longestTimeWindow() {
        return registry.allHubs().stream()
                .flatMap(hub -> registry.deviceSecurityGroups(hub).stream())
                .flatMap(group -> rulesOf(group).timeWindowRules().stream())
                .filter(TimeWindowRule::isEnabled)
                .map(TimeWindowRule::timeWindowSize)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private SecurityGroupRules rulesOf(DeviceSecurityGroup group) {
        String key = group.hubName() + "/" + group.name();
        Converted known = converted.get(key);
        if (known != null && known.group() == group) {
            return known.rules();
        }
        SecurityGroupRules rules = convert(group);
        converted.put(key, new Converted(group, rules));
        return rules;
    }

    /**
     * Time-window rules first, so that a type listed in both lists uses its time-window entry. A
     * rule the engine cannot take (an IP range the registry let through but the engine cannot
     * parse) is left out and logged, rather than failing every message of the group's devices.
     */
    static SecurityGroupRules convert(DeviceSecurityGroup group) {
        return new SecurityGroupRules(
                usable(group, Stream.concat(group.timeWindowRules().stream(), group.thresholdRules().stream()).toList(),
                        RegistryDetectionSettings::rangeRule),
                usable(group, group.allowlistRules(), RegistryDetectionSettings::listRule),
                usable(group, group.denylistRules(), RegistryDetectionSettings::listRule));
    }

    private static <R, T> List<T> usable(DeviceSecurityGroup group, List<R> rules, Function<R, T> conversion) {
        return rules.stream().flatMap(rule -> {
            try {
                return Stream.of(conversion.apply(rule));
            } catch (IllegalArgumentException e) {
                LOG.warn("device security group '{}' of hub '{}': rule left out of detection: {}", group.name(), group.hubName(), e.getMessage());
                return Stream.empty();
            }
        }).toList();
    }

    private static TimeWindowRule rangeRule(RangeRule rule) {
        Duration window = rule.timeWindowSize() == null ? DEFAULT_THRESHOLD_WINDOW : rule.window();
        return new TimeWindowRule(rule.ruleType(), rule.isEnabled(), rule.minThreshold(), rule.maxThreshold(), window);
    }

    private static dev.vigil.iot.detection.ListRule listRule(ListRule rule) {
        return new dev.vigil.iot.detection.ListRule(ListRuleType.valueOf(rule.ruleType()), rule.isEnabled(), rule.allowlistValues(),
                ListValueType.valueOf(rule.valueType()));
    }

    private record Converted(DeviceSecurityGroup group, SecurityGroupRules rules) {
    }
}
