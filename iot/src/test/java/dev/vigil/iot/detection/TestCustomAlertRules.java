package dev.vigil.iot.detection;

import static dev.vigil.iot.detection.SecurityMessages.connection;
import static dev.vigil.iot.detection.SecurityMessages.login;
import static dev.vigil.iot.detection.SecurityMessages.processCreate;
import static dev.vigil.iot.detection.SecurityMessages.sshLogin;
import static dev.vigil.iot.detection.TestDetectionScenarios.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iot.alert.AlertOccurrence;
import dev.vigil.iot.device.DeviceIdentity;
import dev.vigil.iot.message.SecurityEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five device custom alerts, from the rules of the device's security group. */
class TestCustomAlertRules {
    private static final DeviceIdentity SENSOR = EngineHarness.device(EngineHarness.HUB, "sensor-07", "line-3");
    private static final DeviceIdentity OTHER_GROUP = EngineHarness.device(EngineHarness.HUB, "sensor-08", "default");

    @Test
    void testActiveConnectionsAboveTheRangeRaiseOncePerWindow() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", rules(new TimeWindowRule("ActiveConnectionsNotInAllowedRange", true, 0, 3, Duration.ofMinutes(5))));
            harness.send(SENSOR, connections(6, 10));
            harness.send(OTHER_GROUP, connections(6, 10));
            harness.flush();
            assertThat(harness.sink.occurrences()).singleElement().satisfies(occurrence -> {
                assertThat(occurrence.definition().alertType()).isEqualTo("IoT_CA_ActiveConnectionsNotInAllowedRange");
                assertThat(occurrence.deviceId()).isEqualTo("sensor-07");
                assertThat(occurrence.extendedProperties()).containsEntry("Count", "4").containsEntry("Max Threshold", "3")
                        .containsEntry("Window Start", "2024-05-06T10:00:00Z");
            });
        }
    }

    @Test
    void testActiveConnectionsWithinTheRangeRaiseNothing() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", rules(new TimeWindowRule("ActiveConnectionsNotInAllowedRange", true, 1, 3, Duration.ofMinutes(5))));
            // three per five-minute window, for four windows
            harness.send(SENSOR, connections(12, 100));
            harness.clock.advance(Duration.ofMinutes(20));
            assertThat(harness.alertTypes()).isEmpty();
        }
    }

    @Test
    void testFailedLoginsBelowTheMinimumRaiseWhenTheWindowCloses() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", rules(new TimeWindowRule("FailedLocalLoginsNotInAllowedRange", true, 2, 10, Duration.ofMinutes(5))));
            harness.send(SENSOR, List.of(sshLogin(at(10), "Fail", "pi", "10.0.0.5")));
            assertThat(harness.alertTypes()).isEmpty();
            harness.clock.advance(Duration.ofMinutes(5));
            harness.checkClock();
            assertThat(harness.alertTypes()).as("the window is not closed before its close delay").isEmpty();
            harness.clock.advance(Duration.ofMinutes(1));
            harness.checkClock();
            assertThat(harness.alertTypes()).containsExactly("IoT_CA_FailedLocalLoginsNotInAllowedRange");
            assertThat(harness.sink.occurrences().get(0).extendedProperties()).containsEntry("Count", "1").containsEntry("Min Threshold", "2");
        }
    }

    @Test
    void testFailedLoginsAboveTheMaximumRaise() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", rules(new TimeWindowRule("FailedLocalLoginsNotInAllowedRange", true, 0, 2, Duration.ofMinutes(5))));
            harness.send(SENSOR, List.of(login(at(0), "Fail", "root", "", "/bin/login"), login(at(20), "Fail", "root", "", "/bin/login"),
                    login(at(40), "Fail", "root", "", "/bin/login")));
            assertThat(harness.alertTypes()).containsOnly("IoT_LocalLoginFailed", "IoT_CA_FailedLocalLoginsNotInAllowedRange")
                    .filteredOn(type -> type.startsWith("IoT_CA_")).hasSize(1);
        }
    }

    @Test
    void testADisabledRuleRaisesNothing() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", rules(new TimeWindowRule("ActiveConnectionsNotInAllowedRange", false, 0, 1, Duration.ofMinutes(5))));
            harness.send(SENSOR, connections(5, 10));
            assertThat(harness.alertTypes()).isEmpty();
        }
    }

    @Test
    void testOutboundConnectionOutsideTheAllowListRaises() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", new SecurityGroupRules(List.of(),
                    List.of(new ListRule(ListRuleType.ConnectionToIpNotAllowed, true, List.of("10.0.0.0/8", "52.168.10.4"), ListValueType.IpCidr)),
                    List.of()));
            harness.send(SENSOR, List.of(connection(at(0), "Out", "10.20.30.40", "8883", "/opt/app/collector"),
                    connection(at(1), "Out", "52.168.10.4", "443", "/opt/app/collector"),
                    connection(at(2), "In", "198.51.100.9", "22", "/usr/sbin/sshd"),
                    connection(at(3), "Out", "198.51.100.9", "4444", "/tmp/x")));
            harness.flush();
            assertThat(harness.sink.occurrences()).singleElement().satisfies(occurrence -> {
                assertThat(occurrence.definition().alertType()).isEqualTo("IoT_CA_ConnectionToIpNotAllowed");
                assertThat(occurrence.definition().displayName())
                        .isEqualTo("Custom alert - The outbound connection created to an IP that isn't allowed");
                assertThat(occurrence.extendedProperties()).containsEntry("Remote Address", "198.51.100.9");
            });
        }
    }

    @Test
    void testConnectionToADenyListedAddressIsSuspiciousIpCommunication() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", new SecurityGroupRules(List.of(), List.of(),
                    List.of(new ListRule(ListRuleType.ConnectionToIpNotAllowed, true, List.of("198.51.100.0/24", "2001:db8::/32"), ListValueType.IpCidr))));
            harness.send(SENSOR, List.of(connection(at(0), "In", "198.51.100.77", "22", "/usr/sbin/sshd"),
                    connection(at(1), "Out", "2001:db8::5", "443", "/usr/bin/curl"),
                    connection(at(2), "Out", "52.168.10.4", "443", "/opt/app/collector")));
            assertThat(harness.alertTypes()).containsExactly("IoT_SuspiciousIpCommunication", "IoT_SuspiciousIpCommunication");
        }
    }

    @Test
    void testSignInOfAUserNotOnTheAllowList() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", new SecurityGroupRules(List.of(),
                    List.of(new ListRule(ListRuleType.LocalUserNotAllowed, true, List.of("pi", "operator"), ListValueType.String)), List.of()));
            harness.send(SENSOR, List.of(sshLogin(at(0), "Success", "pi", "10.0.0.5"), sshLogin(at(1), "Fail", "mallory", "10.0.0.6"),
                    sshLogin(at(2), "Success", "mallory", "10.0.0.6")));
            assertThat(harness.alertTypes()).containsExactly("IoT_CA_LocalUserNotAllowed");
        }
    }

    @Test
    void testSignInOfADenyListedUser() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", new SecurityGroupRules(List.of(), List.of(),
                    List.of(new ListRule(ListRuleType.LocalUserNotAllowed, true, List.of("guest"), ListValueType.String))));
            harness.send(SENSOR, List.of(sshLogin(at(0), "Success", "pi", "10.0.0.5"), sshLogin(at(1), "Success", "guest", "10.0.0.6")));
            assertThat(harness.alertTypes()).containsExactly("IoT_CA_LocalUserNotAllowed");
        }
    }

    @Test
    void testProcessNotOnTheAllowListOrOnTheDenyList() {
        try (EngineHarness harness = new EngineHarness()) {
            harness.settings.group("line-3", new SecurityGroupRules(List.of(),
                    List.of(new ListRule(ListRuleType.ProcessNotAllowed, true, List.of("/opt/app/collector", "bash", "systemctl"), ListValueType.String)),
                    List.of(new ListRule(ListRuleType.ProcessNotAllowed, true, List.of("/usr/bin/curl"), ListValueType.String))));
            harness.send(SENSOR, List.of(processCreate(at(0), "/opt/app/collector", "/opt/app/collector --once", "app"),
                    processCreate(at(1), "/bin/bash", "bash -c uptime", "app"),
                    processCreate(at(2), "/usr/bin/curl", "curl https://updates.example", "app"),
                    processCreate(at(3), "/usr/bin/wget", "wget https://updates.example", "app")));
            harness.flush();
            assertThat(harness.sink.occurrences()).extracting(occurrence -> occurrence.extendedProperties().get("Executable"))
                    .containsExactly("/usr/bin/curl", "/usr/bin/wget");
        }
    }

    @Test
    void testListRulesRefuseValuesThatAreNotAddresses() {
        assertThatThrownBy(() -> new ListRule(ListRuleType.ConnectionToIpNotAllowed, true, List.of("10.0.0.0/33"), ListValueType.IpCidr))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'10.0.0.0/33' has a prefix length outside 0..32");
        assertThatThrownBy(() -> new ListRule(ListRuleType.ConnectionToIpNotAllowed, true, List.of("plant.example"), ListValueType.IpCidr))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("'plant.example' is not an IP address or CIDR range");
    }

    private static SecurityGroupRules rules(TimeWindowRule rule) {
        return new SecurityGroupRules(List.of(rule), List.of(), List.of());
    }

    private static List<SecurityEvent> connections(int count, long secondsApart) {
        List<SecurityEvent> events = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            events.add(connection(at(index * secondsApart), "Out", "10.0.0.9", "8883", "/opt/app/collector"));
        }
        return events;
    }
}
