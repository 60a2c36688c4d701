package dev.vigil.iot.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iot.detection.ListRuleType;
import dev.vigil.iot.detection.SecurityGroupRules;
import dev.vigil.iot.detection.TimeWindowRule;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.workspace.api.Storage;
import dev.vigil.workspace.api.StorageSettings;
import dev.vigil.workspace.duckdb.DuckDbStorage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRegistryDetectionSettings {
    @TempDir
    Path data;

    private Storage storage;
    private IotRegistry registry;
    private RegistryDetectionSettings settings;
    private IotHub hub;

    @BeforeEach
    void open() {
        storage = DuckDbStorage.open(StorageSettings.defaults(data), new SimpleMeterRegistry());
        registry = new IotRegistry(storage.stateStore());
        registry.putSubscription(new Subscription("sub-1", "Plant"));
        registry.putResourceGroup("sub-1", "rg-1");
        hub = registry.putHub("sub-1", "rg-1", "Plant-Hub", new HubSecuritySettings("Enabled", null, null, null));
        settings = new RegistryDetectionSettings(registry);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void testMonitoringFlagIsReadByResourceIdIgnoringCase() {
        assertThat(settings.monitoringEnabled(hub.resourceId())).isTrue();
        assertThat(settings.monitoringEnabled(hub.resourceId().toLowerCase())).isTrue();
        assertThat(settings.monitoringEnabled("/subscriptions/other/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/Plant-Hub")).isFalse();
        assertThat(settings.monitoringEnabled("/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Devices/IotHubs/nohub")).isFalse();
    }

    @Test
    void testTurningMonitoringOffIsSeenAtOnce() {
        registry.putSecuritySettings("sub-1", "rg-1", "Plant-Hub", new HubSecuritySettings("Disabled", null, null, null));

        assertThat(settings.monitoringEnabled(hub.resourceId())).isFalse();
    }

    @Test
    void testSecurityGroupRulesAreMappedWithTheDefaultWindowForThresholdRules() {
        registry.putDeviceSecurityGroup(new DeviceSecurityGroup("Plant-Hub", "cameras",
                List.of(new RangeRule("MqttD2CMessagesNotInAllowedRange", true, 1, 30, "PT15M")),
                List.of(new RangeRule("ActiveConnectionsNotInAllowedRange", true, 0, 10, null)),
                List.of(new ListRule("ProcessNotAllowed", true, List.of("/usr/bin/top"), null)),
                List.of(new ListRule("ConnectionToIpNotAllowed", true, List.of("10.0.0.0/8"), "IpCidr"))));

        SecurityGroupRules rules = settings.rules(device("cameras"));

        assertThat(rules.timeWindowRule("MqttD2CMessagesNotInAllowedRange"))
                .contains(new TimeWindowRule("MqttD2CMessagesNotInAllowedRange", true, 1, 30, Duration.ofMinutes(15)));
        assertThat(rules.timeWindowRule("ActiveConnectionsNotInAllowedRange"))
                .contains(new TimeWindowRule("ActiveConnectionsNotInAllowedRange", true, 0, 10, RegistryDetectionSettings.DEFAULT_THRESHOLD_WINDOW));
        assertThat(rules.allowlist(ListRuleType.ProcessNotAllowed).orElseThrow().contains("/usr/bin/top")).isTrue();
        assertThat(rules.denylist(ListRuleType.ConnectionToIpNotAllowed).orElseThrow().contains("10.20.30.40")).isTrue();
    }

    @Test
    void testAGroupThatDoesNotExistHasNoRules() {
        assertThat(settings.rules(device("nothing-here"))).isEqualTo(SecurityGroupRules.none());
    }

    @Test
    void testAChangedGroupIsReadAgain() {
        registry.putDeviceSecurityGroup(new DeviceSecurityGroup("Plant-Hub", "default", List.of(), List.of(),
                List.of(new ListRule("LocalUserNotAllowed", true, List.of("alice"), null)), List.of()));
        assertThat(settings.rules(device("default")).allowlist(ListRuleType.LocalUserNotAllowed).orElseThrow().contains("bob")).isFalse();

        registry.putDeviceSecurityGroup(new DeviceSecurityGroup("Plant-Hub", "default", List.of(), List.of(),
                List.of(new ListRule("LocalUserNotAllowed", true, List.of("alice", "bob"), null)), List.of()));

        assertThat(settings.rules(device("default")).allowlist(ListRuleType.LocalUserNotAllowed).orElseThrow().contains("bob")).isTrue();
    }

    @Test
    void testARuleTheEngineCannotParseIsLeftOutAndTheOthersKept() {
        registry.putDeviceSecurityGroup(new DeviceSecurityGroup("Plant-Hub", "default", List.of(), List.of(), List.of(),
                List.of(new ListRule("ConnectionToIpNotAllowed", true, List.of("not:an:address/999"), "IpCidr"),
                        new ListRule("ProcessNotAllowed", true, List.of("nc"), null))));

        SecurityGroupRules rules = settings.rules(device("default"));

        assertThat(rules.denylist(ListRuleType.ConnectionToIpNotAllowed)).isEmpty();
        assertThat(rules.denylist(ListRuleType.ProcessNotAllowed)).isPresent();
    }

    private DeviceIdentity device(String securityGroup) {
        Device device = registry.putDevice(hub, "sensor-1", DeviceStatus.ENABLED, Map.of(Device.SECURITY_GROUP_TAG, securityGroup));
        return registry.identity(hub, device);
    }
}
